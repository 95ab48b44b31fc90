package dev.asios.health.rules;

import dev.asios.health.signal.SignalNames.Gpu;
import dev.asios.health.signal.SignalRound;
import dev.asios.host.findings.Severity;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@value #ID}: a GPU whose clocks are held down by heat or power, from the GPU collector's
 * {@code asios_gpu_throttle_active{gpu,uuid,reason}}. Thermal slowdowns and the hardware
 * slowdowns ({@code sw_thermal_slowdown}, {@code hw_thermal_slowdown}, {@code hw_slowdown},
 * {@code hw_power_brake_slowdown}) are warnings; the software power cap alone
 * ({@code sw_power_cap}), which a GPU busy at its power limit reaches in normal work, is for
 * information. Idle, application clocks, sync boost and display clocks are not throttling. No
 * remediation: it is the machine's cooling or power delivery. Subject {@code gpu/N}.
 */
public final class GpuThrottleRule extends RuleBase {

    /** The rule's id. */
    public static final String ID = "gpu-throttle";
    /** By default: 5 rounds in a row to fire, 10 without throttling to clear. */
    public static final Hysteresis DEFAULT_HYSTERESIS = new Hysteresis(5, 10);

    static final String FAMILY = "asios_gpu_throttle_active";
    private static final Set<String> SLOWDOWNS = Set.of("sw_thermal_slowdown", "hw_thermal_slowdown", "hw_slowdown", "hw_power_brake_slowdown");
    private static final String POWER_CAP = "sw_power_cap";

    private final FamilySeries throttle;

    /** Reads the throttle reasons of {@code registry}. */
    public GpuThrottleRule(MetricRegistry registry, Hysteresis hysteresis) {
        super(ID, hysteresis);
        this.throttle = new FamilySeries(registry, FAMILY);
    }

    @Override
    public List<Symptom> check(SignalRound round) {
        Map<String, List<String>> reasonsByGpu = new LinkedHashMap<>();
        Map<String, String> uuidByGpu = new LinkedHashMap<>();
        for (Series series : throttle.series()) {
            String reason = series.labelValues().get(2);
            if (series.value() == 1 && (SLOWDOWNS.contains(reason) || reason.equals(POWER_CAP))) {
                String gpu = series.labelValues().getFirst();
                reasonsByGpu.computeIfAbsent(gpu, g -> new ArrayList<>()).add(reason);
                uuidByGpu.put(gpu, series.labelValues().get(1));
            }
        }
        List<Symptom> symptoms = new ArrayList<>();
        reasonsByGpu.forEach((gpu, reasons) -> symptoms.add(symptom(round, gpu, uuidByGpu.get(gpu), reasons)));
        return symptoms;
    }

    private static Symptom symptom(SignalRound round, String gpu, String uuid, List<String> reasons) {
        String id = Gpu.KIND + "/" + gpu;
        boolean slowdown = reasons.stream().anyMatch(SLOWDOWNS::contains);
        double temperature = round.value(id, Gpu.TEMPERATURE_CELSIUS);
        double power = round.value(id, Gpu.POWER_WATTS);
        double clock = round.value(id, Gpu.SM_CLOCK_HERTZ);
        String evidence = "GPU " + gpu + " (" + uuid + ") clocks held down by " + String.join(", ", reasons)
                + (Double.isNaN(temperature) ? "" : "; " + Evidence.number(temperature, 0) + " °C")
                + (Double.isNaN(power) ? "" : "; " + Evidence.number(power, 1) + " W")
                + (Double.isNaN(clock) ? "" : "; SM clock " + Evidence.number(clock / 1e6, 0) + " MHz");
        return new Symptom(id, "", slowdown ? Severity.WARNING : Severity.INFO, evidence, Optional.empty(),
                Map.of("gpu", gpu, "uuid", uuid, "reasons", String.join(",", reasons)));
    }
}
