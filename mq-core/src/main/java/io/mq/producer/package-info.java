/**
 * The producer's public API: records, results, options and the typed send failures, plus the extension points users
 * plug in (backoff policies, interceptors) and the metrics they read.
 */
package io.mq.producer;
