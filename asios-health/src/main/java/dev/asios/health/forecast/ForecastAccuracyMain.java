package dev.asios.health.forecast;

import dev.asios.host.parse.ParseException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures forecast accuracy on a recorded series:
 * {@code ForecastAccuracyMain FILE.csv [--step-seconds N] [--horizon-steps H] [--train-fraction F] [--aggregation mean|last]}.
 * The file holds {@code epoch_ms,value} lines ({@link EpochValueCsv}); the defaults are
 * {@link ForecastSettings#defaults()}, scored 30 steps ahead after learning the first half. Prints
 * the method, the data, the raw numbers and the ratio against the naive forecast
 * ({@link AccuracyReport#format()}). Exit status 0, or 2 with a one-line message on bad arguments or input.
 */
public final class ForecastAccuracyMain {

    private static final String USAGE = "usage: ForecastAccuracyMain FILE.csv [--step-seconds N] [--horizon-steps H] [--train-fraction F]"
            + " [--aggregation mean|last]";

    private ForecastAccuracyMain() {
    }

    /** Runs and exits with the status of {@link #run}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs on {@code args}, printing the report to {@code out} or one line of error to {@code err}.
     *
     * @return 0, or 2 on bad arguments, an unreadable file or bad input
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Arguments arguments = Arguments.parse(args);
            TimedValues series = EpochValueCsv.parse(Files.readString(arguments.file));
            AccuracyReport report = WalkForwardEvaluation.evaluate(series, arguments.settings, arguments.trainFraction, arguments.horizonSteps);
            out.println(report.format());
            return 0;
        } catch (IllegalArgumentException | ParseException e) {
            err.println("forecast accuracy: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("forecast accuracy: cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }

    /** The parsed command line. */
    private record Arguments(Path file, ForecastSettings settings, double trainFraction, int horizonSteps) {

        static Arguments parse(String[] args) {
            if (args.length == 0 || args.length % 2 == 0) {
                throw new IllegalArgumentException(USAGE);
            }
            ForecastSettings defaults = ForecastSettings.defaults();
            long stepMs = defaults.stepMs();
            StepAggregation aggregation = defaults.aggregation();
            int horizon = 30;
            double trainFraction = 0.5;
            for (int i = 1; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--step-seconds" -> stepMs = number(args[i], value) * 1000;
                    case "--horizon-steps" -> horizon = (int) Math.min(number(args[i], value), Integer.MAX_VALUE);
                    case "--train-fraction" -> trainFraction = fraction(value);
                    case "--aggregation" -> aggregation = aggregation(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
                }
            }
            ForecastSettings settings = defaults.withStep(stepMs, aggregation).withHorizonSteps(Math.max(horizon, defaults.horizonSteps()));
            return new Arguments(Path.of(args[0]), settings, trainFraction, horizon);
        }

        private static long number(String option, String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a whole number, was '" + value + "'", e);
            }
        }

        private static double fraction(String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--train-fraction needs a number above 0 and below 1, was '" + value + "'", e);
            }
        }

        private static StepAggregation aggregation(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "mean" -> StepAggregation.MEAN;
                case "last" -> StepAggregation.LAST;
                default -> throw new IllegalArgumentException("--aggregation must be mean or last, was '" + value + "'");
            };
        }
    }
}
