package dev.asios.health.anomaly;

import com.amazon.randomcutforest.parkservices.AnomalyDescriptor;
import com.amazon.randomcutforest.returntypes.DiVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToLongFunction;

/** Reads what a group's signals need out of RCF's descriptor of one scored round. */
final class VerdictReader {

    private final List<String> signals;
    private final SignalScaling scaling;

    VerdictReader(List<String> signals, SignalScaling scaling) {
        this.signals = signals;
        this.scaling = scaling;
    }

    /**
     * The verdict of a scored round.
     *
     * @param epochMsOf when the round so many rounds before this one was observed
     */
    RoundVerdict scored(long epochMs, AnomalyDescriptor descriptor, IntToLongFunction epochMsOf) {
        double grade = descriptor.getAnomalyGrade();
        if (grade <= 0) {
            return new RoundVerdict(epochMs, RoundVerdict.Status.SCORED, 0, descriptor.getRCFScore(), descriptor.getThreshold(),
                    List.of(), Optional.empty());
        }
        return new RoundVerdict(epochMs, RoundVerdict.Status.SCORED, grade, descriptor.getRCFScore(), descriptor.getThreshold(),
                attribution(descriptor.getAttribution()), expectation(descriptor, epochMsOf));
    }

    /**
     * The attribution per signal. With internal shingling the forest's point is the shingle's
     * rounds one after the other, oldest first, each the group's signals in order: coordinate
     * {@code position * signals + signal}.
     */
    List<SignalAttribution> attribution(DiVector vector) {
        int width = signals.size();
        if (vector == null || vector.getDimensions() % width != 0) {
            return List.of();
        }
        double[] perSignal = new double[width];
        double total = 0;
        for (int coordinate = 0; coordinate < vector.getDimensions(); coordinate++) {
            double part = vector.high[coordinate] + vector.low[coordinate];
            perSignal[coordinate % width] += part;
            total += part;
        }
        List<SignalAttribution> result = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            result.add(new SignalAttribution(signals.get(i), perSignal[i], total > 0 ? perSignal[i] / total : 0));
        }
        result.sort(SignalAttribution.LARGEST_FIRST);
        return result;
    }

    private Optional<Expectation> expectation(AnomalyDescriptor descriptor, IntToLongFunction epochMsOf) {
        double[][] expectedList = descriptor.getExpectedValuesList();
        double[] observed = descriptor.getPastValues();
        if (!descriptor.isExpectedValuesPresent() || expectedList == null || expectedList.length == 0
                || expectedList[0] == null || expectedList[0].length != signals.size()
                || observed == null || observed.length != signals.size()) {
            return Optional.empty();
        }
        List<Expectation.ExpectedValue> values = new ArrayList<>(signals.size());
        for (int i = 0; i < signals.size(); i++) {
            values.add(new Expectation.ExpectedValue(signals.get(i), scaling.fromForest(i, expectedList[0][i]), scaling.fromForest(i, observed[i])));
        }
        int roundsAgo = -descriptor.getRelativeIndex();
        return Optional.of(new Expectation(epochMsOf.applyAsLong(roundsAgo), roundsAgo, values));
    }
}
