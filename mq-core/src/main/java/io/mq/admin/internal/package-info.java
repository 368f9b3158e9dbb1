/** Implementation of {@link io.mq.admin.MqAdmin}: request routing, retries, error mapping. Not a public API. */
package io.mq.admin.internal;
