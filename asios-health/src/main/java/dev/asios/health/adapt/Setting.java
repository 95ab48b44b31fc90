package dev.asios.health.adapt;

import dev.asios.tune.plan.ValueFormat;

/** The queue settings of a block device that a trial may change. */
enum Setting {

    /** The I/O scheduler, {@code queue/scheduler}: {@code none mq-deadline [bfq] kyber}. */
    SCHEDULER("scheduler", ValueFormat.BRACKETED),

    /** The read-ahead window in KiB, {@code queue/read_ahead_kb}. */
    READ_AHEAD("read_ahead_kb", ValueFormat.PLAIN);

    private final String file;
    private final ValueFormat format;

    Setting(String file, ValueFormat format) {
        this.file = file;
        this.format = format;
    }

    /** The setting's sysfs file of {@code device}. */
    String path(String device) {
        return "/sys/block/" + device + "/queue/" + file;
    }

    /** How the file shows its value. */
    ValueFormat format() {
        return format;
    }

    /** The tunable id it is journaled under: {@code adapt.scheduler}, {@code adapt.read_ahead_kb}. */
    String tunable() {
        return "adapt." + file;
    }
}
