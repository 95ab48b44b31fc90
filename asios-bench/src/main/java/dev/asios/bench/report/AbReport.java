package dev.asios.bench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.bench.Summary;
import dev.asios.bench.ab.AbResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** A/B results as a table and as JSON: every pair's baseline and tuned results, and the tuned/untuned ratios with their spread. */
public final class AbReport {

    private AbReport() {
    }

    /** Prints the A/B result of one target. */
    public static void print(AbResult ab, PrintWriter out) {
        out.println();
        out.println(ab.target().cliName() + ": untuned against " + ab.profile() + ", " + ab.baseline().size() + " pairs");
        for (int i = 0; i < ab.baseline().size(); i++) {
            out.println("  pair " + (i + 1) + ", untuned:");
            BenchTable.print(ab.baseline().get(i), indented(out));
            out.println("  pair " + (i + 1) + ", " + ab.profile() + ":");
            BenchTable.print(ab.tuned().get(i), indented(out));
        }
        String unit = ab.baseline().getFirst().probe().metric();
        out.println("  tuned/untuned, " + unit + ", asios probe: " + ratios(ab.probeRatios()));
        if (!ab.referenceRatios().isEmpty()) {
            out.println("  tuned/untuned, " + unit + ", " + ab.baseline().getFirst().reference().orElseThrow().tool() + ": " + ratios(ab.referenceRatios()));
        }
        ab.notes().forEach(note -> out.println("  note: " + note));
        out.flush();
    }

    /** The A/B result of one target as JSON. */
    public static ObjectNode json(AbResult ab, BenchJson json) {
        ObjectNode node = json.object().put("target", ab.target().cliName()).put("profile", ab.profile());
        for (int i = 0; i < ab.baseline().size(); i++) {
            ObjectNode pair = node.withArray("pairs").addObject();
            pair.set("untuned", json.result(ab.baseline().get(i)));
            pair.set("tuned", json.result(ab.tuned().get(i)));
        }
        ab.probeRatios().forEach(node.putArray("probeRatios")::add);
        ab.referenceRatios().forEach(node.putArray("referenceRatios")::add);
        ab.notes().forEach(node.putArray("notes")::add);
        return node;
    }

    private static String ratios(List<Double> ratios) {
        Summary s = Summary.of(ratios);
        return String.format(Locale.ROOT, "median %.3f (min %.3f, max %.3f) pairs: %s", s.median(), s.min(), s.max(),
                ratios.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).reduce((a, b) -> a + " " + b).orElse(""));
    }

    private static PrintWriter indented(PrintWriter out) {
        return new PrintWriter(new java.io.Writer() {
            private boolean lineStart = true;

            @Override
            public void write(char[] buffer, int offset, int length) {
                for (int i = offset; i < offset + length; i++) {
                    if (lineStart) {
                        out.write("  ");
                    }
                    out.write(buffer[i]);
                    lineStart = buffer[i] == '\n';
                }
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        }, true);
    }
}
