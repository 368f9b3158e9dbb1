/**
 * Kafka's primitive and flexible wire types (fixed ints, zigzag and unsigned varints, compact strings, arrays,
 * tagged fields) read from and written to Netty buffers. One {@code write} method per message serves both
 * sizing ({@link io.mq.protocol.types.WireSizer}) and encoding ({@link io.mq.protocol.types.ByteBufWriter}).
 */
package io.mq.protocol.types;
