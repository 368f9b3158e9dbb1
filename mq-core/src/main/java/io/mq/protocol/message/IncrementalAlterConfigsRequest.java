package io.mq.protocol.message;

import io.mq.protocol.ApiKey;
import io.mq.protocol.types.WireReader;
import io.mq.protocol.types.WireWriter;
import java.util.List;

/**
 * IncrementalAlterConfigs request, versions 0-1 (flexible from 1): changes some configuration entries of resources,
 * leaving the others as they are.
 *
 * @param resources    the resources to change
 * @param validateOnly check the changes, but apply nothing
 */
public record IncrementalAlterConfigsRequest(List<AlterConfigsResource> resources, boolean validateOnly)
        implements ApiMessage {

    /** {@code configOperation} code: set the entry to the value. */
    public static final byte OP_SET = 0;
    /** {@code configOperation} code: remove the entry (it reverts to its default). */
    public static final byte OP_DELETE = 1;
    /** {@code configOperation} code: add the value's items to a list entry. */
    public static final byte OP_APPEND = 2;
    /** {@code configOperation} code: remove the value's items from a list entry. */
    public static final byte OP_SUBTRACT = 3;

    /** Decodes a request body of {@code version}. */
    public static IncrementalAlterConfigsRequest read(WireReader in, short version) {
        boolean flexible = ApiKey.INCREMENTAL_ALTER_CONFIGS.isFlexible(version);
        List<AlterConfigsResource> resources = in.readArray(flexible, r -> {
            byte type = r.readInt8();
            String name = r.readString(flexible);
            List<AlterableConfig> configs = r.readArray(flexible, c -> {
                AlterableConfig config = new AlterableConfig(c.readString(flexible), c.readInt8(),
                        c.readNullableString(flexible));
                if (flexible) {
                    c.skipTaggedFields();
                }
                return config;
            });
            if (flexible) {
                r.skipTaggedFields();
            }
            return new AlterConfigsResource(type, name, configs);
        });
        boolean validateOnly = in.readBoolean();
        if (flexible) {
            in.skipTaggedFields();
        }
        return new IncrementalAlterConfigsRequest(resources, validateOnly);
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.INCREMENTAL_ALTER_CONFIGS;
    }

    @Override
    public void write(WireWriter out, short version) {
        boolean flexible = apiKey().isFlexible(version);
        out.writeArray(resources, flexible, (w, resource) -> {
            w.writeInt8(resource.resourceType());
            w.writeString(resource.resourceName(), flexible);
            w.writeArray(resource.configs(), flexible, (c, config) -> {
                c.writeString(config.name(), flexible);
                c.writeInt8(config.configOperation());
                c.writeNullableString(config.value(), flexible);
                if (flexible) {
                    c.writeEmptyTaggedFields();
                }
            });
            if (flexible) {
                w.writeEmptyTaggedFields();
            }
        });
        out.writeBoolean(validateOnly);
        if (flexible) {
            out.writeEmptyTaggedFields();
        }
    }

    /**
     * The changes to one resource.
     *
     * @param resourceType the resource type (2 topic, 4 broker, 8 broker logger, ...)
     * @param resourceName the resource name; a broker id as text for brokers
     * @param configs      the changes, applied in order
     */
    public record AlterConfigsResource(byte resourceType, String resourceName, List<AlterableConfig> configs) {
    }

    /**
     * One change.
     *
     * @param name            the configuration key
     * @param configOperation {@link #OP_SET}, {@link #OP_DELETE}, {@link #OP_APPEND} or {@link #OP_SUBTRACT}
     * @param value           the value, nullable (ignored by DELETE)
     */
    public record AlterableConfig(String name, byte configOperation, String value) {
    }
}
