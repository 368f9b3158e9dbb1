package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * DescribeConfigs request, versions 1-4 (flexible from 4).
 *
 * @param resources            the resources whose configuration to describe
 * @param includeSynonyms      whether to list every synonym of each entry
 * @param includeDocumentation whether to include each entry's documentation (v3+; false before)
 */
public record DescribeConfigsRequest(List<DescribeConfigsResource> resources, boolean includeSynonyms,
        boolean includeDocumentation) implements ApiMessage {

    public static DescribeConfigsRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.DESCRIBE_CONFIGS.isFlexible(version);
        List<DescribeConfigsResource> resources = in.readArray(flexible, r -> {
            DescribeConfigsResource res = new DescribeConfigsResource(r.readInt8(), r.readString(flexible),
                    r.readNullableArray(flexible, s -> s.readString(flexible)));
            if (flexible) {
                r.skipTaggedFields();
            }
            return res;
        });
        boolean includeSynonyms = in.readBoolean();
        boolean includeDocumentation = version >= 3 && in.readBoolean();
        if (flexible) {
            in.skipTaggedFields();
        }
        return new DescribeConfigsRequest(resources, includeSynonyms, includeDocumentation);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DESCRIBE_CONFIGS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeArray(resources, flexible, (w, res) -> {
            w.writeInt8(res.resourceType());
            w.writeString(res.resourceName(), flexible);
            w.writeStringArray(res.configurationKeys(), flexible);
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        out.writeBoolean(includeSynonyms);
        if (version >= 3) {
            out.writeBoolean(includeDocumentation);
        }
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * One resource to describe.
     *
     * @param resourceType      the resource type (2 topic, 4 broker, 8 broker logger)
     * @param resourceName      the resource name; a broker id as text for brokers
     * @param configurationKeys the configuration keys to list, or null for all of them
     */
    public record DescribeConfigsResource(byte resourceType, String resourceName, List<String> configurationKeys) {
    }
}
