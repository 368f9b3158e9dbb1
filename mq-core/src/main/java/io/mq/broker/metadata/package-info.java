/** The broker's durable cluster metadata: topics, their partition counts, ids and configs, and producer-id blocks. */
package io.mq.broker.metadata;
