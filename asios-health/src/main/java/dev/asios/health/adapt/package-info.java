/**
 * Adaptive tuning: settings the agent tries on its own, within the heal policy, and keeps only
 * when they prove themselves.
 *
 * <ul>
 *   <li>{@link dev.asios.health.adapt.AdaptiveIoScheduler}: watches each block device's I/O
 *       pattern from its {@code disk/NAME} signals, predicts with simple documented heuristics
 *       ({@link dev.asios.health.adapt.IoHeuristics}) whether another I/O scheduler or read-ahead
 *       would help, and runs a trial: a baseline window, the change, a window as long again, kept
 *       only if better by the policy's margin, otherwise reverted.</li>
 *   <li>{@link dev.asios.health.adapt.HugepagePoolManager}: sizes each NUMA node's hugepage pools
 *       to what is held plus headroom, grows them before a shortage the recent rate predicts, and
 *       shrinks them after they were idle for a while, never below what is held and reserved.</li>
 * </ul>
 *
 * Every change goes through the tuning journal under the profile {@value dev.asios.health.adapt.AdaptJournal#PROFILE}, so
 * {@code asios tune rollback} undoes it; a file that another profile set is never touched (the
 * profile's choice wins). Every step is an audit event. The decisions are pure functions of the
 * signals, the sysfs files and the round's time, so they are tested on fake trees with a stepped clock.
 */
package dev.asios.health.adapt;
