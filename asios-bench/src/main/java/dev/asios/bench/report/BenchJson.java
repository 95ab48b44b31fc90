package dev.asios.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.bench.Distribution;
import dev.asios.bench.Measurement;
import dev.asios.bench.Summary;
import dev.asios.bench.TargetResult;
import java.util.Locale;

/**
 * The JSON form of benchmark results, for {@code asios bench --json}: every measurement with its
 * raw samples, summary, method and exact command, and the probe-to-reference ratio as
 * {@code ratioToReference}. Field names are stable for scripts. Stateless and thread-safe.
 */
public final class BenchJson {

    private final ObjectMapper mapper = new ObjectMapper();

    /** A new, empty JSON object. */
    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    /**
     * The document {@code asios bench --json} prints: {@code host}, then {@code results} for a plain
     * run or {@code profile} and {@code ab} for an A/B run (each left out while empty). Why a run
     * stopped early is not in it.
     */
    public ObjectNode document(BenchRun run) {
        ObjectNode root = object();
        root.set("host", host(run.host()));
        run.results().forEach(result -> root.withArray("results").add(result(result)));
        if (!run.abResults().isEmpty()) {
            root.put("profile", run.abResults().getFirst().profile());
            run.abResults().forEach(ab -> root.withArray("ab").add(AbReport.json(ab, this)));
        }
        return root;
    }

    /** The host summary as JSON. */
    public ObjectNode host(HostSummary host) {
        return mapper.createObjectNode().put("cpu", host.cpu()).put("memory", host.memory()).put("kernel", host.kernel())
                .put("virtualization", host.virtualization());
    }

    /** One target's result as JSON. */
    public ObjectNode result(TargetResult result) {
        ObjectNode node = mapper.createObjectNode().put("target", result.target().cliName());
        node.set("probe", measurement(result.probe()));
        result.reference().ifPresent(r -> node.set("reference", measurement(r)));
        result.referenceMissing().ifPresent(why -> node.put("referenceMissing", why));
        if (result.ratioToReference().isPresent()) {
            node.put("ratioToReference", round(result.ratioToReference().getAsDouble()));
        } else {
            node.putNull("ratioToReference");
        }
        result.extra().forEach(m -> node.withArray("extra").add(measurement(m)));
        result.distributions().forEach(d -> node.withArray("distributions").add(distribution(d)));
        return node;
    }

    /** One latency distribution as JSON: its buckets as {@code [from, count]} pairs. */
    public ObjectNode distribution(Distribution d) {
        ObjectNode node = mapper.createObjectNode().put("tool", d.tool()).put("metric", d.metric()).put("unit", d.unit());
        var buckets = node.putArray("buckets");
        d.buckets().forEach(b -> buckets.addArray().add(b.from()).add(b.count()));
        return node;
    }

    /** One measurement as JSON. */
    public ObjectNode measurement(Measurement m) {
        ObjectNode node = mapper.createObjectNode().put("tool", m.tool()).put("metric", m.metric()).put("unit", m.unit())
                .put("direction", m.direction().name().toLowerCase(Locale.ROOT));
        m.samples().forEach(node.putArray("samples")::add);
        Summary summary = m.summary();
        node.put("median", summary.median()).put("min", summary.min()).put("max", summary.max());
        node.put("method", m.method());
        m.command().forEach(node.putArray("command")::add);
        return node;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
