/**
 * Auto-configuration of mq's health indicator and meters; each backs off without Spring Boot Actuator or Micrometer.
 */
package io.mq.spring.autoconfigure.actuate;
