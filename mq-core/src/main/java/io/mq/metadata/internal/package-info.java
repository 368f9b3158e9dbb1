/** The metadata engine, which users never import: the refresh loop behind {@link io.mq.metadata.MetadataManager}. */
package io.mq.metadata.internal;
