/**
 * The disk collector: block I/O counters of every whole disk from {@code /proc/diskstats}, with
 * series that come and go with the disks.
 */
package dev.asios.observe.disk;
