package dev.asios.agent.store;

import java.time.Duration;

/**
 * How long the sample store keeps its data and how much disk it may take.
 *
 * <p>The store keeps every recorded round for {@code rawRetention}, and one row per series and
 * minute for {@code minuteRetention}. It takes at most {@code maxBytes} on disk, and less when
 * the file system would otherwise keep less free than the larger of {@code minFreeBytes} and
 * {@code minFreeFraction} of its size: then it deletes its oldest data and, when even that is not
 * enough, stops recording until there is room again. Immutable.
 *
 * @param rawRetention how long every round is kept, at least one minute
 * @param minuteRetention how long the one-minute rows are kept, at least {@code rawRetention}
 * @param maxBytes the most the store's files may take on disk, at least 1 MiB
 * @param minFreeBytes the free space the store never takes from its file system, in bytes, at least 0
 * @param minFreeFraction the share of its file system the store never takes, from 0 to 0.5
 */
public record StoreSettings(Duration rawRetention, Duration minuteRetention, long maxBytes, long minFreeBytes, double minFreeFraction) {

    /** 1 MiB, the smallest {@link #maxBytes} the store accepts. */
    public static final long MIN_MAX_BYTES = 1L << 20;

    /** One hour of rounds, seven days of minutes, at most 1 GiB, and never the last 1 GiB or 5 % of the disk. */
    public static final StoreSettings DEFAULTS = new StoreSettings(Duration.ofHours(1), Duration.ofDays(7), 1L << 30, 1L << 30, 0.05);

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the setting, its bound and the value given
     */
    public StoreSettings {
        if (rawRetention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("store raw retention must be at least 1 minute, given " + rawRetention);
        }
        if (minuteRetention.compareTo(rawRetention) < 0) {
            throw new IllegalArgumentException("store minute retention must be at least the raw retention " + rawRetention + ", given " + minuteRetention);
        }
        if (maxBytes < MIN_MAX_BYTES) {
            throw new IllegalArgumentException("store max bytes must be at least " + MIN_MAX_BYTES + ", given " + maxBytes);
        }
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("store min free bytes must be at least 0, given " + minFreeBytes);
        }
        if (!(minFreeFraction >= 0 && minFreeFraction <= 0.5)) {
            throw new IllegalArgumentException("store min free fraction must be within [0, 0.5], given " + minFreeFraction);
        }
    }

    /** These settings with another size cap. */
    public StoreSettings withMaxBytes(long newMaxBytes) {
        return new StoreSettings(rawRetention, minuteRetention, newMaxBytes, minFreeBytes, minFreeFraction);
    }

    /** These settings with other retentions. */
    public StoreSettings withRetention(Duration newRawRetention, Duration newMinuteRetention) {
        return new StoreSettings(newRawRetention, newMinuteRetention, maxBytes, minFreeBytes, minFreeFraction);
    }

    /** These settings with another reserve of free space on the file system. */
    public StoreSettings withMinFree(long newMinFreeBytes, double newMinFreeFraction) {
        return new StoreSettings(rawRetention, minuteRetention, maxBytes, newMinFreeBytes, newMinFreeFraction);
    }

    /**
     * The free space to leave on a file system of {@code totalBytes}: the larger of the two reserves.
     */
    public long reserveBytes(long totalBytes) {
        return Math.max(minFreeBytes, (long) (minFreeFraction * totalBytes));
    }
}
