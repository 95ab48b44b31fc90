package dev.asios.health.signal;

import dev.asios.observe.metric.Series;
import java.util.List;

/**
 * The ways a signal is made of its source series: gauges as they are, summed or divided;
 * counters as rates per second or as ratios of their changes; histograms as quantiles of the
 * round (see {@link HistogramCell}). Each reads its sources without allocating.
 */
final class Signals {

    private Signals() {
    }

    /** A gauge as it is. */
    static Signal gauge(Series series) {
        return new GaugeSum(new Series[] {series});
    }

    /** The sum of gauges (NaN if one has no value), such as the free hugepages of every page size of a node. */
    static Signal gaugeSum(List<Series> series) {
        return new GaugeSum(series.toArray(Series[]::new));
    }

    /** One gauge divided by another; NaN if either has no value or the divisor is not positive. */
    static Signal gaugeRatio(Series numerator, Series denominator) {
        return new GaugeRatio(numerator, denominator);
    }

    /** The summed increase of counters per second. */
    static Signal rate(List<CounterCell> counters) {
        return new Rate(counters.toArray(CounterCell[]::new));
    }

    /**
     * The summed increase of some counters divided by that of others, such as the share of a CPU's
     * time spent waiting for I/O.
     *
     * @param whenNoChange the value when the divisors did not grow: NaN where nothing could be
     *     measured (no I/O, no mean latency), 0 where nothing happened (no quota period, nothing throttled)
     */
    static Signal changeRatio(List<CounterCell> numerators, List<CounterCell> denominators, double whenNoChange) {
        return new ChangeRatio(numerators.toArray(CounterCell[]::new), denominators.toArray(CounterCell[]::new), whenNoChange);
    }

    /** The {@code q}-quantile of a histogram's observations in the round. */
    static Signal quantile(HistogramCell histogram, double q) {
        return new Quantile(histogram, q);
    }

    private static double sumOfDeltas(CounterCell[] cells) {
        double sum = 0;
        for (CounterCell cell : cells) {
            sum += cell.delta();
        }
        return sum;
    }

    private static boolean allHaveValues(CounterCell[] cells) {
        for (CounterCell cell : cells) {
            if (!cell.hasValue()) {
                return false;
            }
        }
        return true;
    }

    private record GaugeSum(Series[] series) implements Signal {
        @Override
        public boolean ready() {
            return !Double.isNaN(value(Double.NaN));
        }

        @Override
        public double value(double seconds) {
            double sum = 0;
            for (Series s : series) {
                sum += s.value();
            }
            return sum;
        }

        @Override
        public List<Cell> cells() {
            return List.of();
        }
    }

    private record GaugeRatio(Series numerator, Series denominator) implements Signal {
        @Override
        public boolean ready() {
            return !Double.isNaN(numerator.value()) && !Double.isNaN(denominator.value());
        }

        @Override
        public double value(double seconds) {
            double divisor = denominator.value();
            return divisor > 0 ? numerator.value() / divisor : Double.NaN;
        }

        @Override
        public List<Cell> cells() {
            return List.of();
        }
    }

    private record Rate(CounterCell[] counters) implements Signal {
        @Override
        public boolean ready() {
            return allHaveValues(counters);
        }

        @Override
        public double value(double seconds) {
            return seconds > 0 ? sumOfDeltas(counters) / seconds : Double.NaN;
        }

        @Override
        public List<Cell> cells() {
            return List.of(counters);
        }
    }

    private record ChangeRatio(CounterCell[] numerators, CounterCell[] denominators, double whenNoChange) implements Signal {
        @Override
        public boolean ready() {
            return allHaveValues(numerators) && allHaveValues(denominators);
        }

        @Override
        public double value(double seconds) {
            double part = sumOfDeltas(numerators);
            double whole = sumOfDeltas(denominators);
            if (Double.isNaN(part) || Double.isNaN(whole)) {
                return Double.NaN;
            }
            return whole > 0 ? part / whole : whenNoChange;
        }

        @Override
        public List<Cell> cells() {
            CounterCell[] all = new CounterCell[numerators.length + denominators.length];
            System.arraycopy(numerators, 0, all, 0, numerators.length);
            System.arraycopy(denominators, 0, all, numerators.length, denominators.length);
            return List.of(all);
        }
    }

    private record Quantile(HistogramCell histogram, double q) implements Signal {
        @Override
        public boolean ready() {
            return histogram.hasValue();
        }

        @Override
        public double value(double seconds) {
            return histogram.quantile(q);
        }

        @Override
        public List<Cell> cells() {
            return List.of(histogram);
        }
    }
}
