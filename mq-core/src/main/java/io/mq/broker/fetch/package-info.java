/** Fetch long polling: reading partitions for a fetch request and parking it until min bytes arrive or max wait passes. */
package io.mq.broker.fetch;
