/**
 * The HTTP admin API ({@code mq.admin.web.*}): the {@link io.mq.spring.web.MqAdminController} over
 * {@link io.mq.admin.MqAdmin}, its request and response bodies, and its RFC 9457 problem responses.
 */
package io.mq.spring.web;
