package io.mq.client;

import java.time.Duration;

/**
 * Immutable connection settings of a producer or admin client. Built by {@link #builder()}; every default is a
 * {@code DEFAULT_*} constant here and every value is validated by {@link Builder#build()}, which throws
 * {@link MqConfigurationException} naming the setting and the accepted range.
 *
 * @param connectionsPerBroker   TCP connections kept to each broker; requests are spread round-robin over them
 * @param lazyConnect            connect on first use (true) or as soon as a broker becomes known (false)
 * @param connectTimeout         longest time to open a connection and finish its handshake (ApiVersions, ...)
 * @param requestTimeout         longest time a request may wait for its response, counted from when it is sent by
 *                               the caller; when it passes the request fails with {@link MqTimeoutException} and the
 *                               connection is closed (its state is unknown)
 * @param idleTimeout            a connection with no request for this long is closed (pings do not count)
 * @param heartbeatInterval      after this long without writing, an idle connection sends a ping (an ApiVersions
 *                               request); {@link Duration#ZERO} disables pings
 * @param heartbeatTimeout       a connection that reads nothing for this long while a ping is outstanding is closed
 *                               and its requests fail with {@link ConnectionLostException}
 * @param tcpKeepAlive           whether to enable TCP keepalive (SO_KEEPALIVE) as well
 * @param reconnectBackoff       wait before reconnecting after the first failure; doubles with each failure
 * @param reconnectBackoffMax    the longest wait before reconnecting
 * @param reconnectJitter        random spread applied to each reconnect wait, as a fraction (0.2 = ±20 %)
 * @param maxInFlightRequests    requests sent on one connection before their responses arrive; more are queued
 * @param maxFrameBytes          the largest response frame accepted; a larger one closes the connection
 * @param clientId               the client id sent in every request header; null means a generated unique id
 */
public record ConnectionOptions(int connectionsPerBroker, boolean lazyConnect, Duration connectTimeout,
        Duration requestTimeout, Duration idleTimeout, Duration heartbeatInterval, Duration heartbeatTimeout,
        boolean tcpKeepAlive, Duration reconnectBackoff, Duration reconnectBackoffMax, double reconnectJitter,
        int maxInFlightRequests, int maxFrameBytes, String clientId) {

    public static final int DEFAULT_CONNECTIONS_PER_BROKER = 1;
    public static final boolean DEFAULT_LAZY_CONNECT = true;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(9);
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);
    public static final boolean DEFAULT_TCP_KEEP_ALIVE = true;
    public static final Duration DEFAULT_RECONNECT_BACKOFF = Duration.ofMillis(50);
    public static final Duration DEFAULT_RECONNECT_BACKOFF_MAX = Duration.ofSeconds(1);
    public static final double DEFAULT_RECONNECT_JITTER = 0.2;
    public static final int DEFAULT_MAX_IN_FLIGHT_REQUESTS = 5;
    public static final int DEFAULT_MAX_FRAME_BYTES = 100 * 1024 * 1024;

    /** The smallest accepted {@code maxFrameBytes}: an ApiVersions response must fit. */
    public static final int MIN_MAX_FRAME_BYTES = 1024;

    /** Validates every setting; use {@link #builder()} rather than this constructor. */
    public ConnectionOptions {
        require(connectionsPerBroker >= 1, "connectionsPerBroker must be >= 1, was " + connectionsPerBroker);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("idleTimeout", idleTimeout);
        require(heartbeatInterval != null && !heartbeatInterval.isNegative(),
                "heartbeatInterval must be zero (no pings) or positive, was " + heartbeatInterval);
        requirePositive("heartbeatTimeout", heartbeatTimeout);
        requirePositive("reconnectBackoff", reconnectBackoff);
        requirePositive("reconnectBackoffMax", reconnectBackoffMax);
        require(reconnectBackoffMax.compareTo(reconnectBackoff) >= 0, "reconnectBackoffMax (" + reconnectBackoffMax
                + ") must not be shorter than reconnectBackoff (" + reconnectBackoff + ")");
        require(reconnectJitter >= 0 && reconnectJitter < 1, "reconnectJitter must be in [0, 1), was " + reconnectJitter);
        require(maxInFlightRequests >= 1, "maxInFlightRequests must be >= 1, was " + maxInFlightRequests);
        require(maxFrameBytes >= MIN_MAX_FRAME_BYTES,
                "maxFrameBytes must be >= " + MIN_MAX_FRAME_BYTES + ", was " + maxFrameBytes);
        require(clientId == null || !clientId.isBlank(), "clientId must not be blank (null generates one)");
    }

    /** A builder with every setting at its {@code DEFAULT_*} value. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default settings. */
    public static ConnectionOptions defaults() {
        return builder().build();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether idle connections send pings. */
    public boolean heartbeatEnabled() {
        return !heartbeatInterval.isZero();
    }

    private static void requirePositive(String name, Duration value) {
        require(value != null && !value.isNegative() && !value.isZero(), name + " must be positive, was " + value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new MqConfigurationException("invalid connection option: " + message);
        }
    }

    /** Builds {@link ConnectionOptions}; see the record components for what each setting means. */
    public static final class Builder {
        private int connectionsPerBroker = DEFAULT_CONNECTIONS_PER_BROKER;
        private boolean lazyConnect = DEFAULT_LAZY_CONNECT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private Duration heartbeatTimeout = DEFAULT_HEARTBEAT_TIMEOUT;
        private boolean tcpKeepAlive = DEFAULT_TCP_KEEP_ALIVE;
        private Duration reconnectBackoff = DEFAULT_RECONNECT_BACKOFF;
        private Duration reconnectBackoffMax = DEFAULT_RECONNECT_BACKOFF_MAX;
        private double reconnectJitter = DEFAULT_RECONNECT_JITTER;
        private int maxInFlightRequests = DEFAULT_MAX_IN_FLIGHT_REQUESTS;
        private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
        private String clientId;

        private Builder() {
        }

        private Builder(ConnectionOptions o) {
            connectionsPerBroker = o.connectionsPerBroker;
            lazyConnect = o.lazyConnect;
            connectTimeout = o.connectTimeout;
            requestTimeout = o.requestTimeout;
            idleTimeout = o.idleTimeout;
            heartbeatInterval = o.heartbeatInterval;
            heartbeatTimeout = o.heartbeatTimeout;
            tcpKeepAlive = o.tcpKeepAlive;
            reconnectBackoff = o.reconnectBackoff;
            reconnectBackoffMax = o.reconnectBackoffMax;
            reconnectJitter = o.reconnectJitter;
            maxInFlightRequests = o.maxInFlightRequests;
            maxFrameBytes = o.maxFrameBytes;
            clientId = o.clientId;
        }

        public Builder connectionsPerBroker(int connectionsPerBroker) {
            this.connectionsPerBroker = connectionsPerBroker;
            return this;
        }

        /** Connect on first use (true, the default) or as soon as a broker becomes known (false). */
        public Builder lazyConnect(boolean lazyConnect) {
            this.lazyConnect = lazyConnect;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** Ping after {@code interval} without writing (zero disables pings); close after {@code timeout} unanswered. */
        public Builder heartbeat(Duration interval, Duration timeout) {
            this.heartbeatInterval = interval;
            this.heartbeatTimeout = timeout;
            return this;
        }

        public Builder tcpKeepAlive(boolean tcpKeepAlive) {
            this.tcpKeepAlive = tcpKeepAlive;
            return this;
        }

        /** Exponential reconnect backoff from {@code initial} up to {@code max}. */
        public Builder reconnectBackoff(Duration initial, Duration max) {
            this.reconnectBackoff = initial;
            this.reconnectBackoffMax = max;
            return this;
        }

        public Builder reconnectJitter(double reconnectJitter) {
            this.reconnectJitter = reconnectJitter;
            return this;
        }

        public Builder maxInFlightRequests(int maxInFlightRequests) {
            this.maxInFlightRequests = maxInFlightRequests;
            return this;
        }

        public Builder maxFrameBytes(int maxFrameBytes) {
            this.maxFrameBytes = maxFrameBytes;
            return this;
        }

        /** The client id sent in request headers; null (the default) generates a unique one per client. */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** Validates the settings. */
        public ConnectionOptions build() {
            return new ConnectionOptions(connectionsPerBroker, lazyConnect, connectTimeout, requestTimeout, idleTimeout,
                    heartbeatInterval, heartbeatTimeout, tcpKeepAlive, reconnectBackoff, reconnectBackoffMax,
                    reconnectJitter, maxInFlightRequests, maxFrameBytes, clientId);
        }
    }
}
