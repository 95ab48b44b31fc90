/**
 * Detached holder processes that keep a device file open while a profile is active
 * ({@code /dev/cpu_dma_latency}), found again through their pid files and stopped on rollback.
 */
package dev.asios.tune.hold;
