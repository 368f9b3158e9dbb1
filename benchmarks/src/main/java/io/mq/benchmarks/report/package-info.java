/**
 * The results of a suite run and how they are shown: per-case results with their goals, the Markdown table of
 * medians, spreads and ours/theirs ratios, and the description of the machine it ran on.
 */
package io.mq.benchmarks.report;
