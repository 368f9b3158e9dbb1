package io.mq.protocol.message;

import io.mq.protocol.ApiKey;

/** Every version mq supports for an api, for parameterized codec tests. */
final class Versions {

    private Versions() {
    }

    static short[] of(ApiKey apiKey) {
        short[] versions = new short[apiKey.maxVersion() - apiKey.minVersion() + 1];
        for (int i = 0; i < versions.length; i++) {
            versions[i] = (short) (apiKey.minVersion() + i);
        }
        return versions;
    }
}
