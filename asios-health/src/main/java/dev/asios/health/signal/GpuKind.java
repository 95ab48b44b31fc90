package dev.asios.health.signal;

import dev.asios.health.signal.SignalNames.Gpu;

/**
 * {@code gpu/N} for every GPU of {@code asios_gpu_info{gpu,uuid,name,source}}: utilization,
 * memory utilization, used over total memory, temperature, power and SM clock, as the GPU
 * collector's gauges have them. A reading the GPU does not support (its series has no value) is
 * left out of the group.
 */
final class GpuKind extends SignalKind {

    static final String INFO = "asios_gpu_info";
    static final String UTILIZATION = "asios_gpu_utilization_ratio";
    static final String MEMORY_UTILIZATION = "asios_gpu_memory_utilization_ratio";
    static final String MEMORY_USED = "asios_gpu_memory_used_bytes";
    static final String MEMORY_TOTAL = "asios_gpu_memory_total_bytes";
    static final String TEMPERATURE = "asios_gpu_temperature_celsius";
    static final String POWER = "asios_gpu_power_watts";
    static final String SM_CLOCK = "asios_gpu_sm_clock_hertz";

    GpuKind() {
        super(INFO, UTILIZATION, MEMORY_UTILIZATION, MEMORY_USED, MEMORY_TOTAL, TEMPERATURE, POWER, SM_CLOCK);
    }

    @Override
    void build(KindBuild build) {
        SeriesLookup lookup = build.lookup();
        for (String gpu : lookup.firstLabels(INFO)) {
            build.group(Gpu.KIND, gpu)
                    .add(Gpu.UTILIZATION_RATIO, build.gauge(lookup.firstWithFirstLabel(UTILIZATION, gpu)))
                    .add(Gpu.MEMORY_UTILIZATION_RATIO, build.gauge(lookup.firstWithFirstLabel(MEMORY_UTILIZATION, gpu)))
                    .add(Gpu.MEMORY_USED_RATIO, build.gaugeRatio(lookup.firstWithFirstLabel(MEMORY_USED, gpu), lookup.firstWithFirstLabel(MEMORY_TOTAL, gpu)))
                    .add(Gpu.TEMPERATURE_CELSIUS, build.gauge(lookup.firstWithFirstLabel(TEMPERATURE, gpu)))
                    .add(Gpu.POWER_WATTS, build.gauge(lookup.firstWithFirstLabel(POWER, gpu)))
                    .add(Gpu.SM_CLOCK_HERTZ, build.gauge(lookup.firstWithFirstLabel(SM_CLOCK, gpu)))
                    .done();
        }
    }
}
