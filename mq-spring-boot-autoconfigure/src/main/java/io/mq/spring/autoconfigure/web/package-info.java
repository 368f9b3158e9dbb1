/** Auto-configuration of the HTTP admin API ({@code mq.admin.web.*}) and of its Spring Security filter chain. */
package io.mq.spring.autoconfigure.web;
