package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * DescribeConfigs response, versions 1-4 (flexible from 4).
 *
 * @param throttleTimeMs quota throttle time
 * @param results        one result per requested resource
 */
public record DescribeConfigsResponse(int throttleTimeMs, List<DescribeConfigsResult> results) implements ApiMessage {

    public static DescribeConfigsResponse read(WireReader in, short version) {
        boolean flexible = ApiKey.DESCRIBE_CONFIGS.isFlexible(version);
        int throttleTimeMs = in.readInt32();
        List<DescribeConfigsResult> results = in.readArray(flexible, r -> DescribeConfigsResult.read(r, version));
        if (flexible) {
            in.skipTaggedFields();
        }
        return new DescribeConfigsResponse(throttleTimeMs, results);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.DESCRIBE_CONFIGS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeInt32(throttleTimeMs);
        out.writeArray(results, flexible, (w, res) -> res.write(w, version));
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The configuration of one resource.
     *
     * @param errorCode    the error code, or 0
     * @param errorMessage the error message, nullable
     * @param resourceType the resource type
     * @param resourceName the resource name
     * @param configs      the listed configuration entries
     */
    public record DescribeConfigsResult(short errorCode, String errorMessage, byte resourceType, String resourceName,
            List<DescribeConfigsResourceResult> configs) {

        static DescribeConfigsResult read(WireReader in, short version) {
            boolean flexible = ApiKey.DESCRIBE_CONFIGS.isFlexible(version);
            short errorCode = in.readInt16();
            String errorMessage = in.readNullableString(flexible);
            byte resourceType = in.readInt8();
            String resourceName = in.readString(flexible);
            List<DescribeConfigsResourceResult> configs =
                    in.readArray(flexible, r -> DescribeConfigsResourceResult.read(r, version));
            if (flexible) {
                in.skipTaggedFields();
            }
            return new DescribeConfigsResult(errorCode, errorMessage, resourceType, resourceName, configs);
        }

        void write(WireWriter out, short version) {
            boolean flexible = ApiKey.DESCRIBE_CONFIGS.isFlexible(version);
            out.writeInt16(errorCode);
            out.writeNullableString(errorMessage, flexible);
            out.writeInt8(resourceType);
            out.writeString(resourceName, flexible);
            out.writeArray(configs, flexible, (w, c) -> c.write(w, version));
            if (flexible) {
                out.writeEmptyTaggedFields();
            }
        }
    }

    /**
     * One configuration entry.
     *
     * @param name          the configuration name
     * @param value         the configuration value, nullable (null for sensitive entries)
     * @param readOnly      whether the entry is read-only
     * @param configSource  where the value comes from (1 dynamic topic, 4 static broker, 5 default, ...), or -1
     * @param isSensitive   whether the value is sensitive
     * @param synonyms      the values this entry would take from each source, highest precedence first
     * @param configType    the value's type (1 boolean, 2 string, 3 int, ...; v3+, 0 before)
     * @param documentation the entry's documentation, nullable (v3+; null before)
     */
    public record DescribeConfigsResourceResult(String name, String value, boolean readOnly, byte configSource,
            boolean isSensitive, List<DescribeConfigsSynonym> synonyms, byte configType, String documentation) {

        static DescribeConfigsResourceResult read(WireReader in, short version) {
            boolean flexible = ApiKey.DESCRIBE_CONFIGS.isFlexible(version);
            String name = in.readString(flexible);
            String value = in.readNullableString(flexible);
            boolean readOnly = in.readBoolean();
            byte configSource = in.readInt8();
            boolean isSensitive = in.readBoolean();
            List<DescribeConfigsSynonym> synonyms = in.readArray(flexible, r -> {
                DescribeConfigsSynonym s = new DescribeConfigsSynonym(r.readString(flexible),
                        r.readNullableString(flexible), r.readInt8());
                if (flexible) {
                    r.skipTaggedFields();
                }
                return s;
            });
            byte configType = 0;
            String documentation = null;
            if (version >= 3) {
                configType = in.readInt8();
                documentation = in.readNullableString(flexible);
            }
            if (flexible) {
                in.skipTaggedFields();
            }
            return new DescribeConfigsResourceResult(name, value, readOnly, configSource, isSensitive, synonyms,
                    configType, documentation);
        }

        void write(WireWriter out, short version) {
            boolean flexible = ApiKey.DESCRIBE_CONFIGS.isFlexible(version);
            out.writeString(name, flexible);
            out.writeNullableString(value, flexible);
            out.writeBoolean(readOnly);
            out.writeInt8(configSource);
            out.writeBoolean(isSensitive);
            out.writeArray(synonyms, flexible, (w, s) -> {
                w.writeString(s.name(), flexible);
                w.writeNullableString(s.value(), flexible);
                w.writeInt8(s.source());
                if (flexible) {
                    w.writeEmptyTaggedFields();
                }
            });
            if (version >= 3) {
                out.writeInt8(configType);
                out.writeNullableString(documentation, flexible);
            }
            if (flexible) {
                out.writeEmptyTaggedFields();
            }
        }
    }

    /**
     * The value a configuration entry takes from one source.
     *
     * @param name   the synonym's name
     * @param value  the synonym's value, nullable
     * @param source the source of this value
     */
    public record DescribeConfigsSynonym(String name, String value, byte source) {
    }
}
