/**
 * Framing: the int32 length prefix that delimits every request and response, decoded without trusting the
 * prefix, and the encoding of header + body into exactly-sized frames.
 */
package io.mq.protocol.codec;
