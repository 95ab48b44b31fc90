package dev.asios.health.anomaly.trace;

import dev.asios.health.anomaly.DetectorSettings;
import dev.asios.health.anomaly.EpisodeSettings;
import dev.asios.host.parse.ParseException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the detector on labelled trace files and prints precision, recall, false alarms per
 * hour and mean time to detect, one block per file:
 *
 * <pre>
 * java -cp ... dev.asios.health.anomaly.trace.TraceEvaluation [options] trace.csv...
 *   --grace-s S       seconds after a labelled window an anomaly still counts for it (60)
 *   --warm-up N       rounds of warm-up (320; the trace needs more rounds than that)
 *   --min-grade G     grade from which a round is anomalous (0.5)
 *   --quiet-rounds N  quiet rounds that end an anomaly (5)
 *   --z-factor Z      RCF's threshold in deviations of the score (5)
 * </pre>
 *
 * <p>The trace format is {@link LabelledTraceParser}'s. Exits 0; 2 with the usage on a bad
 * argument; 1 with the message (file, line, column) on a file that cannot be read or parsed.
 */
public final class TraceEvaluation {

    private TraceEvaluation() {
    }

    /** Runs as described above; ends the JVM with the exit status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs as described above, printing to {@code out} and {@code err}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        DetectorSettings detector = DetectorSettings.defaults();
        EpisodeSettings episodes = EpisodeSettings.defaults();
        long graceMs = TraceEvaluator.DEFAULT_GRACE_MS;
        List<Path> traces = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--grace-s" -> graceMs = Math.multiplyExact(Long.parseLong(value(args, ++i)), 1000L);
                    case "--warm-up" -> detector = detector.withWarmUpRounds(Integer.parseInt(value(args, ++i)));
                    case "--min-grade" -> episodes = new EpisodeSettings(Double.parseDouble(value(args, ++i)), episodes.quietRoundsToEnd());
                    case "--quiet-rounds" -> episodes = new EpisodeSettings(episodes.minimumGrade(), Integer.parseInt(value(args, ++i)));
                    case "--z-factor" -> detector = new DetectorSettings(detector.shingleSize(), detector.numberOfTrees(), detector.sampleSize(),
                            detector.warmUpRounds(), Double.parseDouble(value(args, ++i)), detector.randomSeed());
                    default -> traces.add(Path.of(args[i]));
                }
            }
            if (traces.isEmpty()) {
                throw new IllegalArgumentException("no trace file given");
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: TraceEvaluation [--grace-s S] [--warm-up N] [--min-grade G] [--quiet-rounds N] [--z-factor Z] trace.csv...");
            return 2;
        }
        TraceEvaluator evaluator = new TraceEvaluator(detector, episodes, graceMs);
        for (Path trace : traces) {
            try {
                LabelledTrace parsed = LabelledTraceParser.read(trace);
                out.println("trace " + trace + ": " + parsed.size() + " rounds of " + parsed.signals() + ", " + parsed.durationMs() / 1000 + " s");
                out.print(evaluator.evaluate(parsed).format());
            } catch (IOException | ParseException e) {
                err.println("error: " + (e instanceof NoSuchFileException ? "no such file: " + trace
                        : e instanceof IOException ? "cannot read " + trace + ": " + e.getMessage() : e.getMessage()));
                return 1;
            }
        }
        return 0;
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
