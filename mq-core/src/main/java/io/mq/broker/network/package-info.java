/**
 * The broker's Netty server: boss/worker event loops, framing, the dispatcher from api key to handler, and
 * per-connection response ordering.
 */
package io.mq.broker.network;
