package io.mq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.ApiKey;
import io.mq.protocol.RequestHeader;
import io.mq.protocol.message.ProduceRequest;
import io.mq.protocol.message.ProduceRequest.PartitionProduceData;
import io.mq.protocol.message.ProduceRequest.TopicProduceData;
import io.mq.protocol.record.MemoryRecords;
import io.mq.protocol.types.ByteBufWriter;
import io.mq.protocol.types.WireSizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void produceRequestSharesLargeRecordSetsAndEncodesTheSameBytesAsACopy() {
        ByteBuf large = bytes(Frames.SHARED_RECORDS_MIN_BYTES + 500, 1);
        ByteBuf small = bytes(100, 2);
        ByteBuf second = bytes(Frames.SHARED_RECORDS_MIN_BYTES, 3);
        try {
            for (short version : new short[] {3, 8, 9, 11}) {
                ProduceRequest request = new ProduceRequest(null, (short) 1, 30_000, List.of(
                        new TopicProduceData("a", List.of(new PartitionProduceData(0, new MemoryRecords(large)),
                                new PartitionProduceData(1, new MemoryRecords(small)))),
                        new TopicProduceData("b", List.of(new PartitionProduceData(0, new MemoryRecords(second)),
                                new PartitionProduceData(1, null)))));
                RequestHeader header = new RequestHeader(ApiKey.PRODUCE, version, 7, "frames-test");
                ByteBuf frame = Frames.encodeRequest(UnpooledByteBufAllocator.DEFAULT, header, request);
                try {
                    assertThat(frame).isInstanceOf(CompositeByteBuf.class);
                    assertThat(large.refCnt()).isEqualTo(2);
                    assertThat(ByteBufUtil.getBytes(frame)).isEqualTo(copied(header, request));
                } finally {
                    frame.release();
                }
                assertThat(large.refCnt()).isEqualTo(1);
                assertThat(second.refCnt()).isEqualTo(1);
                assertThat(large.readableBytes()).isEqualTo(Frames.SHARED_RECORDS_MIN_BYTES + 500);
            }
        } finally {
            large.release();
            small.release();
            second.release();
        }
    }

    @Test
    void produceRequestWithOnlySmallRecordSetsIsOnePlainBuffer() {
        ByteBuf small = bytes(Frames.SHARED_RECORDS_MIN_BYTES - 1, 4);
        try {
            ProduceRequest request = new ProduceRequest(null, (short) -1, 30_000, List.of(
                    new TopicProduceData("a", List.of(new PartitionProduceData(0, new MemoryRecords(small))))));
            RequestHeader header = new RequestHeader(ApiKey.PRODUCE, (short) 9, 1, "frames-test");
            ByteBuf frame = Frames.encodeRequest(UnpooledByteBufAllocator.DEFAULT, header, request);
            try {
                assertThat(frame).isNotInstanceOf(CompositeByteBuf.class);
                assertThat(small.refCnt()).isEqualTo(1);
                assertThat(ByteBufUtil.getBytes(frame)).isEqualTo(copied(header, request));
            } finally {
                frame.release();
            }
        } finally {
            small.release();
        }
    }

    private static byte[] copied(RequestHeader header, ProduceRequest request) {
        WireSizer sizer = new WireSizer();
        header.write(sizer);
        request.write(sizer, header.apiVersion());
        ByteBuf expected = Unpooled.buffer();
        try {
            ByteBufWriter out = new ByteBufWriter(expected);
            out.writeInt32(sizer.size());
            header.write(out);
            request.write(out, header.apiVersion());
            return ByteBufUtil.getBytes(expected);
        } finally {
            expected.release();
        }
    }

    private static ByteBuf bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        ByteBuf buffer = Unpooled.directBuffer(size + 16);
        buffer.writeZero(16).readerIndex(16); // a reader index past 0, as a decoded slice would have
        return buffer.writeBytes(bytes);
    }
}
