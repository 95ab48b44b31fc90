package dev.asios.bench.report;

import dev.asios.bench.Measurement;
import dev.asios.bench.Summary;
import dev.asios.bench.TargetResult;
import java.io.PrintWriter;
import java.util.Locale;

/** Benchmark results as a table for people: one line per measurement, the ratio to the reference, and how to repeat each. */
public final class BenchTable {

    private BenchTable() {
    }

    /** Prints the host summary. */
    public static void printHost(HostSummary host, PrintWriter out) {
        out.println("host: " + host.cpu() + "; " + host.memory() + "; kernel " + host.kernel() + "; " + host.virtualization());
    }

    /** Prints one target's result. */
    public static void print(TargetResult result, PrintWriter out) {
        out.println();
        out.println(result.target().cliName() + ": " + result.probe().metric() + " (" + result.probe().unit() + ", "
                + (result.probe().direction() == dev.asios.bench.Direction.HIGHER_IS_BETTER ? "higher" : "lower") + " is better)");
        out.printf(Locale.ROOT, "  %-38s %12s %12s %12s   %s%n", "tool / metric", "median", "min", "max", "samples");
        line(result.probe(), out);
        result.reference().ifPresent(r -> line(r, out));
        result.referenceMissing().ifPresent(why -> out.println("  reference: none (" + why + ")"));
        if (result.ratioToReference().isPresent()) {
            out.printf(Locale.ROOT, "  ratio asios/%s: %.3f%n", result.reference().orElseThrow().tool(), result.ratioToReference().getAsDouble());
        }
        result.extra().forEach(m -> line(m, out));
        out.println("  method: " + result.probe().method());
        result.reference().ifPresent(r -> out.println("  reference: " + String.join(" ", r.command())));
    }

    private static void line(Measurement m, PrintWriter out) {
        Summary s = m.summary();
        String name = m.tool() + (m.metric().equals("") ? "" : " " + m.metric());
        out.printf(Locale.ROOT, "  %-38s %12s %12s %12s   %s%n", abbreviate(name), number(s.median()), number(s.min()), number(s.max()),
                m.samples().stream().map(BenchTable::number).reduce((a, b) -> a + " " + b).orElse(""));
    }

    /** A number as the reports write it: whole above 100, else with two decimals. */
    static String number(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String abbreviate(String text) {
        return text.length() <= 38 ? text : text.substring(0, 37) + "…";
    }
}
