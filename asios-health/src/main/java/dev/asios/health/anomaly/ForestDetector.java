package dev.asios.health.anomaly;

import com.amazon.randomcutforest.config.TransformMethod;
import com.amazon.randomcutforest.parkservices.AnomalyDescriptor;
import com.amazon.randomcutforest.parkservices.ThresholdedRandomCutForest;
import dev.asios.health.signal.Observation;
import dev.asios.health.signal.SignalGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The learned detector of one {@link SignalGroup}: all its signals in one Random Cut Forest
 * (RCF's {@link ThresholdedRandomCutForest}, internal shingling), so that a change in how signals
 * move together is seen, not only a change of one. Signals of different scales (bytes per second
 * next to a ratio) weigh alike: the first {@value #CALIBRATION_ROUNDS} complete rounds are held
 * back to measure each signal's spread ({@link SignalScaling}), then fed, and from there the
 * forest normalises each signal by its running mean and deviation.
 *
 * <p>{@link #process} feeds one round and says what the forest made of it. An incomplete round
 * (any value NaN or infinite) is not fed, never as 0: it is counted and reported as
 * {@link RoundVerdict.Status#SKIPPED_INCOMPLETE}; the shingle then joins the rounds around it.
 * During warm-up ({@link DetectorSettings#warmUpRounds()} complete rounds) every grade is 0.
 *
 * <p>Not thread-safe: one thread at a time ({@link AnomalyWatch} locks each detector).
 */
public final class ForestDetector {

    /** Complete rounds held back, at the start, to measure the signals' spread (or the warm-up, if shorter). */
    static final int CALIBRATION_ROUNDS = 32;

    private final SignalGroup group;
    private final DetectorSettings settings;
    private final ThresholdedRandomCutForest forest;
    private final List<Observation> calibration = new ArrayList<>();
    /** When the rounds of the current shingle were observed, oldest first; 0 where none yet. */
    private final long[] shingleEpochMs;
    private SignalScaling scaling;
    private VerdictReader reader;
    private long roundsFed;
    private long roundsSkipped;

    /** A fresh detector for {@code group}, which knows nothing yet. */
    public ForestDetector(SignalGroup group, DetectorSettings settings) {
        this.group = group;
        this.settings = settings;
        this.forest = ThresholdedRandomCutForest.builder()
                .dimensions(group.dimensions() * settings.shingleSize())
                .shingleSize(settings.shingleSize())
                .internalShinglingEnabled(true)
                .numberOfTrees(settings.numberOfTrees())
                .sampleSize(settings.sampleSize())
                .transformMethod(TransformMethod.NORMALIZE)
                .zFactor(settings.zFactor())
                .parallelExecutionEnabled(false)
                .randomSeed(settings.randomSeed())
                .build();
        this.shingleEpochMs = new long[settings.shingleSize()];
    }

    /** A detector around a restored, calibrated forest. */
    ForestDetector(SignalGroup group, DetectorSettings settings, ThresholdedRandomCutForest forest, SignalScaling scaling,
            long[] shingleEpochMs, long roundsFed, long roundsSkipped) {
        this.group = group;
        this.settings = settings;
        this.forest = forest;
        this.scaling = scaling;
        this.reader = new VerdictReader(group.signals(), scaling);
        this.shingleEpochMs = shingleEpochMs.clone();
        this.roundsFed = roundsFed;
        this.roundsSkipped = roundsSkipped;
    }

    /**
     * Feeds one round and scores it.
     *
     * @throws IllegalArgumentException if the observation does not have one value per signal
     */
    public RoundVerdict process(Observation observation) {
        requireFits(group, observation);
        long epochMs = observation.epochMs();
        if (!finite(observation)) {
            roundsSkipped++;
            return RoundVerdict.unscored(epochMs, RoundVerdict.Status.SKIPPED_INCOMPLETE, 0);
        }
        roundsFed++;
        if (scaling == null) {
            calibrate(observation);
            return RoundVerdict.unscored(epochMs, RoundVerdict.Status.WARMING_UP, 0);
        }
        AnomalyDescriptor descriptor = feed(observation);
        if (roundsFed <= settings.warmUpRounds()) {
            return RoundVerdict.unscored(epochMs, RoundVerdict.Status.WARMING_UP, descriptor.getRCFScore());
        }
        return reader.scored(epochMs, descriptor, this::epochMsOf);
    }

    /** Checks that {@code observation} has one value per signal of {@code group}. */
    static void requireFits(SignalGroup group, Observation observation) {
        if (observation.size() != group.dimensions()) {
            throw new IllegalArgumentException("observation of " + observation.size() + " values for group " + group.id()
                    + " of " + group.dimensions() + " signals " + group.signals());
        }
    }

    private static boolean finite(Observation observation) {
        for (int i = 0; i < observation.size(); i++) {
            if (!Double.isFinite(observation.value(i))) {
                return false;
            }
        }
        return true;
    }

    /** Holds the round back until there are enough to calibrate; then feeds them all. */
    private void calibrate(Observation observation) {
        calibration.add(observation);
        if (calibration.size() < Math.min(CALIBRATION_ROUNDS, settings.warmUpRounds())) {
            return;
        }
        scaling = SignalScaling.calibrate(group.signals(), calibration.stream().map(Observation::values).toList());
        reader = new VerdictReader(group.signals(), scaling);
        calibration.forEach(this::feed);
        calibration.clear();
    }

    private AnomalyDescriptor feed(Observation observation) {
        System.arraycopy(shingleEpochMs, 1, shingleEpochMs, 0, shingleEpochMs.length - 1);
        shingleEpochMs[shingleEpochMs.length - 1] = observation.epochMs();
        return forest.process(scaling.toForest(observation.values()), observation.epochMs());
    }

    /** When the round fed {@code roundsAgo} rounds before the latest was observed, within the shingle. */
    private long epochMsOf(int roundsAgo) {
        int index = shingleEpochMs.length - 1 - roundsAgo;
        return index >= 0 && index < shingleEpochMs.length && shingleEpochMs[index] != 0
                ? shingleEpochMs[index] : shingleEpochMs[shingleEpochMs.length - 1];
    }

    /** What the detector has learned and skipped so far. */
    public DetectorStatus status() {
        return new DetectorStatus(group.id(), roundsFed, roundsSkipped, settings.warmUpRounds());
    }

    /** The group this detector watches. */
    public SignalGroup group() {
        return group;
    }

    /** The settings it was built with. */
    public DetectorSettings settings() {
        return settings;
    }

    /** The forest, once calibrated (before, there is nothing worth saving). */
    Optional<ThresholdedRandomCutForest> calibratedForest() {
        return scaling == null ? Optional.empty() : Optional.of(forest);
    }

    SignalScaling scaling() {
        return scaling;
    }

    long[] shingleEpochMs() {
        return shingleEpochMs.clone();
    }
}
