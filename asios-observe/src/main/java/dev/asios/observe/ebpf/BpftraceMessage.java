package dev.asios.observe.ebpf;

import java.util.List;
import java.util.Map;

/**
 * One line of {@code bpftrace -f json} output, as {@link BpftraceJsonParser} reads it. Map
 * keys are the texts bpftrace prints: a number ({@code "3"}), a string, or the members of a
 * tuple joined by commas ({@code "1234,7"}); an unkeyed map has the one key {@code ""}.
 * Immutable.
 */
public sealed interface BpftraceMessage {

    /** The key of an unkeyed map's only value. */
    String NO_KEY = "";

    /**
     * The probes are attached; data follows.
     *
     * @param probes how many probes bpftrace attached
     */
    record AttachedProbes(long probes) implements BpftraceMessage {
    }

    /**
     * The kernel dropped events because the perf buffer was full.
     *
     * @param events how many, since the previous such line
     */
    record LostEvents(long events) implements BpftraceMessage {
    }

    /**
     * A map of integers ({@code count()}, {@code sum()}, plain values), from {@code print(@map)}.
     *
     * @param map the map's name, with its {@code @}
     * @param values the values by key
     */
    record MapValues(String map, Map<String, Long> values) implements BpftraceMessage {

        /** Copies the values. */
        public MapValues {
            values = Map.copyOf(values);
        }
    }

    /**
     * A map of {@code hist()} or {@code lhist()} histograms.
     *
     * @param map the map's name, with its {@code @}
     * @param histograms each key's buckets, in ascending order, from its lowest to its highest
     *     non-empty bucket
     */
    record Histograms(String map, Map<String, List<HistogramBucket>> histograms) implements BpftraceMessage {

        /** Copies the histograms. */
        public Histograms {
            histograms = Map.copyOf(histograms);
        }
    }

    /**
     * A map of {@code stats()} values.
     *
     * @param map the map's name, with its {@code @}
     * @param stats the values by key
     */
    record Stats(String map, Map<String, StatsValue> stats) implements BpftraceMessage {

        /** Copies the values. */
        public Stats {
            stats = Map.copyOf(stats);
        }
    }

    /**
     * What {@code stats()} holds for one key.
     *
     * @param count the number of values
     * @param average their average, rounded down
     * @param total their sum
     */
    record StatsValue(long count, long average, long total) {
    }

    /**
     * Text from {@code printf}, {@code time}, {@code cat}, {@code join}, {@code system} or a
     * printed value.
     *
     * @param type bpftrace's message type, such as {@code printf}
     * @param text the text, with its new lines
     */
    record Text(String type, String text) implements BpftraceMessage {
    }

    /**
     * An error bpftrace reports while running ({@code helper_error}, {@code runtime_error},
     * {@code print_error}); the probe keeps running.
     *
     * @param type bpftrace's message type
     * @param message what went wrong, as bpftrace says it
     */
    record RuntimeError(String type, String message) implements BpftraceMessage {
    }

    /**
     * A message of a type this parser does not know (a newer bpftrace); callers ignore it.
     *
     * @param type bpftrace's message type
     */
    record Other(String type) implements BpftraceMessage {
    }
}
