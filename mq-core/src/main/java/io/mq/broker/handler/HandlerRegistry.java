package io.mq.broker.handler;

import io.mq.protocol.ApiKey;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.message.ApiVersionsResponse;
import io.mq.protocol.types.WireReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Maps each api key to its request decoder and handler. Registering a key twice fails fast. The registered keys, with
 * the version ranges from {@link ApiKey}, are exactly what the broker advertises in ApiVersions.
 */
public final class HandlerRegistry {

    private final Map<ApiKey, Registration<?>> registrations = new EnumMap<>(ApiKey.class);

    /** Adds the handler for {@code apiKey}; fails if one is already registered. */
    public <Q extends ApiMessage> HandlerRegistry register(ApiKey apiKey, BiFunction<WireReader, Short, Q> decoder,
            RequestHandler<Q> handler) {
        if (registrations.putIfAbsent(apiKey, new Registration<>(decoder, handler)) != null) {
            throw new IllegalStateException("a handler for " + apiKey.displayName() + " is already registered");
        }
        return this;
    }

    /** The registration for {@code apiKey}, or {@code null} when the broker does not serve it. */
    public Registration<?> lookup(ApiKey apiKey) {
        return registrations.get(apiKey);
    }

    /** The served apis. */
    public Set<ApiKey> servedApis() {
        return Set.copyOf(registrations.keySet());
    }

    /** Every served api with its supported version range, as ApiVersions reports it. */
    public List<ApiVersionsResponse.ApiVersion> advertisedVersions() {
        List<ApiVersionsResponse.ApiVersion> versions = new ArrayList<>();
        for (ApiKey key : registrations.keySet()) {
            versions.add(new ApiVersionsResponse.ApiVersion(key.id(), key.minVersion(), key.maxVersion()));
        }
        return versions;
    }

    /**
     * A decoder and handler pair.
     *
     * @param <Q> request body type
     */
    public record Registration<Q extends ApiMessage>(BiFunction<WireReader, Short, Q> decoder,
            RequestHandler<Q> handler) {

        /** Decodes the body from {@code in} and hands it to the handler. */
        public java.util.concurrent.CompletionStage<? extends ApiMessage> decodeAndHandle(RequestContext context,
                WireReader in) {
            Q request = decoder.apply(in, context.version());
            in.requireFullyRead(context.header().apiKey().displayName() + " v" + context.version() + " request");
            return handler.handle(context, request);
        }
    }
}
