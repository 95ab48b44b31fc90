/**
 * The collector contract and the loop that runs every collector once per interval, counting and
 * reporting failures without stopping.
 */
package dev.asios.observe.collect;
