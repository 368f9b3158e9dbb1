package io.mq.client.internal;

import io.mq.client.UnsupportedVersionException;
import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.message.ApiVersionsResponse.ApiVersion;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The version of each api a connection uses: the highest version inside both mq's range ({@link ApiKey}) and the
 * range the broker advertised in ApiVersions. A version above mq's maximum is never chosen, and the floor of mq's range
 * applies too, which clamps Produce to v3+ even when a broker advertises v0 (Kafka 4.x does, but rejects v0-2).
 */
public final class NegotiatedVersions {

    private final Node broker;
    private final Map<ApiKey, Short> versions;
    private final Map<ApiKey, ApiVersion> advertised;

    private NegotiatedVersions(Node broker, Map<ApiKey, Short> versions, Map<ApiKey, ApiVersion> advertised) {
        this.broker = broker;
        this.versions = Collections.unmodifiableMap(versions);
        this.advertised = advertised;
    }

    /** Intersects mq's ranges with what {@code broker} advertised; apis mq does not know are ignored. */
    public static NegotiatedVersions negotiate(Node broker, List<ApiVersion> brokerApis) {
        Map<ApiKey, Short> versions = new EnumMap<>(ApiKey.class);
        Map<ApiKey, ApiVersion> advertised = new EnumMap<>(ApiKey.class);
        for (ApiVersion theirs : brokerApis) {
            ApiKey key = ApiKey.forId(theirs.apiKey());
            if (key == null) {
                continue;
            }
            advertised.put(key, theirs);
            short low = (short) Math.max(key.minVersion(), theirs.minVersion());
            short high = (short) Math.min(key.maxVersion(), theirs.maxVersion());
            if (low <= high) {
                versions.put(key, high);
            }
        }
        return new NegotiatedVersions(broker, versions, advertised);
    }

    /** Whether both sides share a version of {@code api}. */
    public boolean supports(ApiKey api) {
        return versions.containsKey(api);
    }

    /**
     * The version to use for {@code api}.
     *
     * @throws UnsupportedVersionException when there is no common version
     */
    public short version(ApiKey api) {
        Short version = versions.get(api);
        if (version == null) {
            throw unsupported(api);
        }
        return version;
    }

    /** Throws {@link UnsupportedVersionException} for the first of {@code apis} without a common version. */
    public void require(Collection<ApiKey> apis) {
        for (ApiKey api : apis) {
            if (!supports(api)) {
                throw unsupported(api);
            }
        }
    }

    /** The chosen version of every api both sides support. */
    public Map<ApiKey, Short> asMap() {
        return versions;
    }

    private UnsupportedVersionException unsupported(ApiKey api) {
        ApiVersion theirs = advertised.get(api);
        String brokerRange = theirs == null ? "does not advertise it"
                : "advertises v" + theirs.minVersion() + "-" + theirs.maxVersion();
        return new UnsupportedVersionException(broker + " cannot serve " + api.displayName() + ": mq speaks v"
                + api.minVersion() + "-" + api.maxVersion() + ", the broker " + brokerRange, broker, api);
    }

    @Override
    public String toString() {
        return "NegotiatedVersions" + versions;
    }
}
