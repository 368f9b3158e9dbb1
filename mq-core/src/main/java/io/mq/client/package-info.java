/**
 * What producers and admin clients share: {@link io.mq.client.ClientResources} (event loops that many clients share),
 * {@link io.mq.client.ConnectionOptions} (connection settings) and the typed {@link io.mq.client.MqException}
 * hierarchy every client operation fails with.
 */
package io.mq.client;
