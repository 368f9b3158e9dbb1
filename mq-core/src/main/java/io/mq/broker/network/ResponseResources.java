package io.mq.broker.network;

import io.mq.broker.storage.FileRecords;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.message.FetchResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and releases the reference-counted parts of a response: the commit-log regions a Fetch response carries.
 * Every response the broker builds is released exactly once, after it is encoded or when its connection is gone.
 */
final class ResponseResources {

    private ResponseResources() {
    }

    /** The file-backed record sets in {@code response}, in encoding order. */
    static List<FileRecords> fileRecords(ApiMessage response) {
        if (!(response instanceof FetchResponse fetch)) {
            return List.of();
        }
        List<FileRecords> found = new ArrayList<>();
        for (FetchResponse.FetchableTopicResponse topic : fetch.responses()) {
            for (FetchResponse.PartitionData partition : topic.partitions()) {
                if (partition.records() instanceof FileRecords records) {
                    found.add(records);
                }
            }
        }
        return found;
    }

    /** Releases what {@code response} holds; safe for responses that hold nothing. */
    static void release(ApiMessage response) {
        for (FileRecords records : fileRecords(response)) {
            records.release();
        }
    }
}
