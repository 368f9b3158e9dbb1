package io.mq.spring.web;

import java.util.List;

/**
 * Body of {@code DELETE /admin/groups/{group}/offsets?topic=}.
 *
 * @param groupId    the group id
 * @param topic      the topic
 * @param partitions the partitions whose committed offsets were deleted (empty when the group had none)
 */
public record OffsetsDeleted(String groupId, String topic, List<Integer> partitions) {
}
