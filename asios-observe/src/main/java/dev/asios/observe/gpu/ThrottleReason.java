package dev.asios.observe.gpu;

/**
 * The bits of NVML's clock throttle reasons mask ({@code nvmlClocksThrottleReason*} in
 * {@code nvml.h}; {@code clocks_throttle_reasons.active} in {@code nvidia-smi}), each exported as
 * one {@code asios_gpu_throttle_active} series with its {@link #label()} as the {@code reason}.
 */
enum ThrottleReason {
    GPU_IDLE(0x1L, "gpu_idle"),
    APPLICATIONS_CLOCKS_SETTING(0x2L, "applications_clocks_setting"),
    SW_POWER_CAP(0x4L, "sw_power_cap"),
    HW_SLOWDOWN(0x8L, "hw_slowdown"),
    SYNC_BOOST(0x10L, "sync_boost"),
    SW_THERMAL_SLOWDOWN(0x20L, "sw_thermal_slowdown"),
    HW_THERMAL_SLOWDOWN(0x40L, "hw_thermal_slowdown"),
    HW_POWER_BRAKE_SLOWDOWN(0x80L, "hw_power_brake_slowdown"),
    DISPLAY_CLOCK_SETTING(0x100L, "display_clock_setting");

    private final long bit;
    private final String label;

    ThrottleReason(long bit, String label) {
        this.bit = bit;
        this.label = label;
    }

    /** The bit in the mask. */
    long bit() {
        return bit;
    }

    /** The {@code reason} label value. */
    String label() {
        return label;
    }
}
