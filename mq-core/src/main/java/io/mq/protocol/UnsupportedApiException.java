package io.mq.protocol;

/** A request named an api key mq does not know, or a version of it mq cannot decode. */
public final class UnsupportedApiException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    private final short apiKeyId;
    private final short apiVersion;
    private final int correlationId;

    public UnsupportedApiException(short apiKeyId, short apiVersion, int correlationId) {
        super("unsupported api key " + apiKeyId + " version " + apiVersion + " (correlation id " + correlationId + ")");
        this.apiKeyId = apiKeyId;
        this.apiVersion = apiVersion;
        this.correlationId = correlationId;
    }

    public short apiKeyId() {
        return apiKeyId;
    }

    public short apiVersion() {
        return apiVersion;
    }

    public int correlationId() {
        return correlationId;
    }
}
