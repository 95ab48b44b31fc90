package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import dev.asios.health.signal.SignalNames.Gpu;
import dev.asios.health.signal.SignalRound;
import dev.asios.host.findings.Severity;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@value #ID}: a GPU with uncorrectable memory ECC errors since its driver loaded, from the GPU
 * collector's {@code asios_gpu_ecc_errors_total{gpu,uuid,type="uncorrected"}} (the volatile count,
 * which a GPU reset clears). Data on it may be corrupt: critical, and the remediation is to mark
 * it unhealthy so that no new run is placed there. It clears when the count is back to 0.
 * Subject {@code gpu/N}.
 */
public final class GpuEccRule extends RuleBase {

    /** The rule's id. */
    public static final String ID = "gpu-ecc-uncorrectable";
    /** By default: fire on the first check, clear on the first without errors. */
    public static final Hysteresis DEFAULT_HYSTERESIS = new Hysteresis(1, 1);

    static final String FAMILY = "asios_gpu_ecc_errors";

    private final FamilySeries errors;

    /** Reads the ECC counts of {@code registry}. */
    public GpuEccRule(MetricRegistry registry, Hysteresis hysteresis) {
        super(ID, hysteresis);
        this.errors = new FamilySeries(registry, FAMILY);
    }

    @Override
    public List<Symptom> check(SignalRound round) {
        List<Symptom> symptoms = new ArrayList<>();
        for (Series series : errors.series()) {
            List<String> labels = series.labelValues();
            double count = series.value();
            if (labels.get(2).equals("uncorrected") && count > 0) {
                String gpu = labels.getFirst();
                symptoms.add(new Symptom(Gpu.KIND + "/" + gpu, "", Severity.CRITICAL,
                        "GPU " + gpu + " (" + labels.get(1) + ") has " + Evidence.number(count, 0) + " uncorrectable ECC error(s) since its driver loaded",
                        Optional.of(RemediationKind.MARK_GPU_UNHEALTHY), Map.of("gpu", gpu, "uuid", labels.get(1), "uncorrected_errors",
                                Evidence.number(count, 0))));
            }
        }
        return symptoms;
    }
}
