package dev.asios.observe.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A named metric with fixed label names and any number of labelled series, as Prometheus
 * groups them: {@code asios_cpu_seconds_total{cpu,mode}}. Created through
 * {@link MetricRegistry}; names and labels follow Prometheus conventions, checked here.
 *
 * <p>Counters and gauges hold {@link Series}; histograms hold {@link HistogramSeries}. Series
 * are created on first use and kept until {@link #remove} (a disk or a run that went away).
 * Thread-safe.
 */
public final class MetricFamily {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final String name;
    private final String help;
    private final Optional<String> unit;
    private final MetricKind kind;
    private final List<String> labelNames;
    private final double[] upperBounds;
    private final Map<List<String>, Series> series = new ConcurrentHashMap<>();
    private final Map<List<String>, HistogramSeries> histograms = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    MetricFamily(String name, String help, Optional<String> unit, MetricKind kind, List<String> labelNames, double[] upperBounds) {
        if (!NAME.matcher(name).matches() || name.startsWith("__")) {
            throw new IllegalArgumentException("metric name '" + name + "' is not a Prometheus name");
        }
        if (kind == MetricKind.COUNTER && name.endsWith("_total")) {
            throw new IllegalArgumentException("counter '" + name + "': give the name without _total, which is added when exposed");
        }
        unit.ifPresent(u -> {
            if (!name.endsWith("_" + u)) {
                throw new IllegalArgumentException("metric '" + name + "' must end with its unit _" + u);
            }
        });
        for (String label : labelNames) {
            if (!LABEL.matcher(label).matches() || label.startsWith("__") || label.equals("le")) {
                throw new IllegalArgumentException("metric '" + name + "': label name '" + label + "' is not allowed");
            }
        }
        if (help.isBlank()) {
            throw new IllegalArgumentException("metric '" + name + "' needs a help text");
        }
        this.name = name;
        this.help = help;
        this.unit = unit;
        this.kind = kind;
        this.labelNames = List.copyOf(labelNames);
        this.upperBounds = upperBounds.clone();
    }

    /** The base name, without {@code _total}, as the Prometheus model takes it. */
    public String name() {
        return name;
    }

    /** The name a scrape shows: with {@code _total} for a counter. */
    public String exposedName() {
        return kind == MetricKind.COUNTER ? name + "_total" : name;
    }

    /** One sentence on what the metric measures. */
    public String help() {
        return help;
    }

    /** The base unit the name ends with ({@code seconds}, {@code bytes}, ...), if any. */
    public Optional<String> unit() {
        return unit;
    }

    /** Counter, gauge or histogram. */
    public MetricKind kind() {
        return kind;
    }

    /** The label names, in order. */
    public List<String> labelNames() {
        return labelNames;
    }

    /** A histogram's bucket upper bounds, the last {@code +Inf}; empty for other kinds. */
    public double[] upperBounds() {
        return upperBounds.clone();
    }

    /**
     * The counter or gauge series with these label values, created on first use.
     *
     * @throws IllegalStateException if this family is a histogram
     * @throws IllegalArgumentException if the number of values differs from the label names
     */
    public Series series(String... labelValues) {
        if (kind == MetricKind.HISTOGRAM) {
            throw new IllegalStateException(name + " is a histogram; use histogram(...)");
        }
        List<String> values = checked(labelValues);
        Series existing = series.get(values);
        if (existing != null) {
            return existing;
        }
        Series created = new Series(this, values, key(exposedName(), values));
        existing = series.putIfAbsent(values, created);
        if (existing != null) {
            return existing;
        }
        changes.incrementAndGet();
        return created;
    }

    /**
     * The histogram series with these label values, created on first use.
     *
     * @throws IllegalStateException if this family is not a histogram
     * @throws IllegalArgumentException if the number of values differs from the label names
     */
    public HistogramSeries histogram(String... labelValues) {
        if (kind != MetricKind.HISTOGRAM) {
            throw new IllegalStateException(name + " is a " + kind.name().toLowerCase() + "; use series(...)");
        }
        List<String> values = checked(labelValues);
        HistogramSeries existing = histograms.get(values);
        if (existing != null) {
            return existing;
        }
        HistogramSeries created = new HistogramSeries(this, values, key(name, values));
        existing = histograms.putIfAbsent(values, created);
        if (existing != null) {
            return existing;
        }
        changes.incrementAndGet();
        return created;
    }

    /** Forgets the series with these label values (its source went away); no-op if unknown. */
    public void remove(List<String> labelValues) {
        boolean removed = series.remove(labelValues) != null;
        removed |= histograms.remove(labelValues) != null;
        if (removed) {
            changes.incrementAndGet();
        }
    }

    /**
     * How many times a series was created or removed in this family: a reader that keeps handles
     * (the health layer's signal extraction) compares it with the count it saw and lists the
     * series again only when it moved. It moves after the change is visible, so a reader that
     * sees the new count and then lists the series sees the change. Reading it allocates nothing.
     */
    public long changes() {
        return changes.get();
    }

    /** The counter or gauge series now, sorted by label values. */
    public List<Series> allSeries() {
        return sorted(series.values());
    }

    /** The histogram series now, sorted by label values. */
    public List<HistogramSeries> allHistograms() {
        List<HistogramSeries> list = new ArrayList<>(histograms.values());
        list.sort((a, b) -> compare(a.labelValues(), b.labelValues()));
        return list;
    }

    private static List<Series> sorted(Collection<Series> values) {
        List<Series> list = new ArrayList<>(values);
        list.sort((a, b) -> compare(a.labelValues(), b.labelValues()));
        return list;
    }

    private List<String> checked(String[] labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes labels " + labelNames + ", given " + Arrays.toString(labelValues));
        }
        return List.of(labelValues);
    }

    /** Numeric label values (CPU numbers) sort as numbers, others as text. */
    static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            String y = b.get(i);
            int c = isNumber(x) && isNumber(y) ? Long.compare(Long.parseLong(x), Long.parseLong(y)) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.length() < 18 && text.chars().allMatch(Character::isDigit);
    }

    private String key(String exposed, List<String> values) {
        if (values.isEmpty()) {
            return exposed;
        }
        StringBuilder key = new StringBuilder(exposed).append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                key.append(',');
            }
            key.append(labelNames.get(i)).append("=\"");
            PrometheusTextWriter.escapeLabel(values.get(i), key);
            key.append('"');
        }
        return key.append('}').toString();
    }
}
