/** The agent watching itself: its CPU time, memory and threads as metrics. */
package dev.asios.agent.self;
