/** JUnit 5 support: a real embedded broker per test class, on a free loopback port. */
package io.mq.broker.junit;
