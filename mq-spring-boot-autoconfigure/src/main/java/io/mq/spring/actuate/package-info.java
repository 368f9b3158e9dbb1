/**
 * Actuator support: the {@code mq} health indicator and Micrometer meter binders for producers and the embedded
 * broker.
 */
package io.mq.spring.actuate;
