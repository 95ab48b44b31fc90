package dev.asios.agent.store;

/**
 * How the sample store is doing, for the agent's own metrics and its status page.
 *
 * @param fileBytes the bytes its database and write-ahead log take on disk now
 * @param budgetBytes the most they may take now: the size cap, or less when the disk is short of room
 * @param roundsWritten the rounds written since the store was opened
 * @param roundsSkipped the rounds not written since it was opened, because the disk budget was spent
 * @param lastRecordNanos how long the last round took to write, fsync included, in nanoseconds
 */
public record StoreStats(long fileBytes, long budgetBytes, long roundsWritten, long roundsSkipped, long lastRecordNanos) {
}
