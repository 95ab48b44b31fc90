/**
 * What the collectors of kernel text files share: a file of {@code /proc} or {@code /sys} read
 * every interval into one reusable buffer and parsed in place ({@link
 * dev.asios.observe.kerneltext.KernelTextFile}, {@link dev.asios.observe.kerneltext.TextSample}),
 * and the per-CPU or per-node series that come and go with the hardware ({@link
 * dev.asios.observe.kerneltext.IndexedSeries}). Nothing here allocates per interval once warm.
 */
package dev.asios.observe.kerneltext;
