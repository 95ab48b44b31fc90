package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import dev.asios.health.signal.SignalNames.Gpu;
import dev.asios.health.signal.SignalRound;
import dev.asios.host.findings.Severity;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@value #ID}: new critical XID events of a GPU since the previous round, from the GPU
 * collector's {@code asios_gpu_xid_events_total{gpu,uuid,xid}} (NVML only; a code's series starts
 * at its first event, so all of a new series' count is new). Critical, with the remediation to
 * mark the GPU unhealthy, when a code says the GPU failed ({@link XidCodes}); a warning without
 * remediation when it points at the program. The finding stays until a quiet spell passes.
 * Subject {@code gpu/N}.
 */
public final class GpuXidRule extends RuleBase {

    /** The rule's id. */
    public static final String ID = "gpu-xid";
    /** By default: fire on the first event, clear after 60 rounds without one. */
    public static final Hysteresis DEFAULT_HYSTERESIS = new Hysteresis(1, 60);

    static final String FAMILY = "asios_gpu_xid_events";

    private final FamilySeries events;
    private final Map<Series, Double> seen = new IdentityHashMap<>();

    /** Reads the XID events of {@code registry}. */
    public GpuXidRule(MetricRegistry registry, Hysteresis hysteresis) {
        super(ID, hysteresis);
        this.events = new FamilySeries(registry, FAMILY);
    }

    @Override
    public List<Symptom> check(SignalRound round) {
        Map<String, List<String>> newByGpu = new LinkedHashMap<>();
        Map<String, Boolean> gpuFault = new LinkedHashMap<>();
        Map<Series, Double> now = new IdentityHashMap<>();
        for (Series series : events.series()) {
            double count = series.value();
            if (Double.isNaN(count)) {
                continue;
            }
            now.put(series, count);
            double added = count - seen.getOrDefault(series, 0.0);
            if (added > 0) {
                String gpu = series.labelValues().getFirst();
                long xid = Long.parseUnsignedLong(series.labelValues().get(2));
                newByGpu.computeIfAbsent(gpu, g -> new ArrayList<>()).add(XidCodes.describe(xid) + " x" + Evidence.number(added, 0));
                gpuFault.merge(gpu, XidCodes.gpuFault(xid), Boolean::logicalOr);
            }
        }
        seen.clear();
        seen.putAll(now);
        List<Symptom> symptoms = new ArrayList<>();
        newByGpu.forEach((gpu, xids) -> {
            boolean fault = gpuFault.get(gpu);
            symptoms.add(new Symptom(Gpu.KIND + "/" + gpu, "", fault ? Severity.CRITICAL : Severity.WARNING,
                    "GPU " + gpu + " reported " + String.join(", ", xids) + (fault ? "; the GPU itself failed" : "; usually the program's fault"),
                    fault ? Optional.of(RemediationKind.MARK_GPU_UNHEALTHY) : Optional.empty(), Map.of("gpu", gpu, "xids", String.join("; ", xids))));
        });
        return symptoms;
    }
}
