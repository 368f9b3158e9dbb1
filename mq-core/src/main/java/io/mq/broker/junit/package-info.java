/** JUnit 5 support: a real embedded broker, or a multi-broker test cluster, per test class on free loopback ports. */
package io.mq.broker.junit;
