/**
 * The benchmark cases (producer engines, brokers, startup, durability cost, scale), the suite that lists them, and
 * the side-by-side runner: warm-up, then runs alternating the two sides.
 */
package io.mq.benchmarks.cases;
