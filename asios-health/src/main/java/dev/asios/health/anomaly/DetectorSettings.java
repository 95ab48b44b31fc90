package dev.asios.health.anomaly;

/**
 * How a {@link ForestDetector} builds its forest. Validated once, here; a saved detector is
 * restored only under the same settings (see {@link DetectorStateCodec}).
 *
 * @param shingleSize how many consecutive rounds form one point of the forest (1..16); more
 *     sees longer patterns, costs proportionally more
 * @param numberOfTrees trees in the forest (10..200); the cost of a round grows linearly with it,
 *     the noise of the score shrinks with it
 * @param sampleSize points each tree keeps (32..1024); with RCF's time decay the forest remembers
 *     about ten sample sizes of rounds
 * @param warmUpRounds complete rounds fed before any grade is reported (at least
 *     {@code sampleSize / 4}, when the forest starts scoring, and at most 100000); until then every
 *     round is {@link RoundVerdict.Status#WARMING_UP}
 * @param zFactor how many standard deviations of recent scores above their mean a score must be
 *     before RCF's thresholder grades it (2..10; RCF's default is 3)
 * @param randomSeed the seed of the forest's random cuts, so that a replay scores the same
 */
public record DetectorSettings(int shingleSize, int numberOfTrees, int sampleSize, int warmUpRounds, double zFactor, long randomSeed) {

    private static final DetectorSettings DEFAULTS = new DetectorSettings(4, 50, 256, 320, 5, 0x5eedL);

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException naming the setting, its bound and the value given
     */
    public DetectorSettings {
        requireWithin("shingleSize", shingleSize, 1, 16);
        requireWithin("numberOfTrees", numberOfTrees, 10, 200);
        requireWithin("sampleSize", sampleSize, 32, 1024);
        requireWithin("warmUpRounds", warmUpRounds, sampleSize / 4, 100_000);
        if (!(zFactor >= 2 && zFactor <= 10)) {
            throw new IllegalArgumentException("zFactor must be within 2..10, given " + zFactor);
        }
    }

    /**
     * The defaults, chosen for about a hundred groups at one round per second on a small host and
     * measured on generated traces (see the package's quality test and cost benchmark): a shingle
     * of 4 rounds (a spike, a step and a change of variance all show within it); 50 trees (RCF's
     * default; about 0.15 ms of CPU per round for 4 signals, so 100 groups cost under 2% of a
     * core; fewer trees make the score noisier and cost false alarms); 256 samples (RCF's
     * default: at one round per second the forest remembers about the last 40 minutes); a
     * z-factor of 5 (RCF's 3 grades the tails of plain noise several times an hour; 5 keeps the
     * false alarms of a quiet group well under one an hour and finds nearly as many faults); and
     * 320 rounds of warm-up, a little over five minutes: the forest scores after 64 rounds and its
     * thresholder needs a few hundred scores to settle.
     */
    public static DetectorSettings defaults() {
        return DEFAULTS;
    }

    /** These settings with another warm-up, for short traces and tests. */
    public DetectorSettings withWarmUpRounds(int rounds) {
        return new DetectorSettings(shingleSize, numberOfTrees, sampleSize, rounds, zFactor, randomSeed);
    }

    static void requireWithin(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", given " + value);
        }
    }
}
