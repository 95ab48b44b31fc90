package dev.asios.tune.tunable;

import dev.asios.tune.plan.ValueFormat;
import dev.asios.tune.profile.Profile;
import java.util.Optional;
import java.util.function.Function;

/**
 * A setting held in one kernel file with one value for the whole host: a sysctl under
 * {@code /proc/sys} or a switch under {@code /sys/kernel}. Which file, its format, and how the
 * profile maps to the value written are the only things that differ between them; see
 * {@link FileSettings} for the list.
 */
public final class FileSettingTunable implements Tunable {

    private final String id;
    private final String path;
    private final ValueFormat format;
    private final Function<Profile, Optional<String>> desired;
    private final String reason;

    FileSettingTunable(String id, String path, ValueFormat format, Function<Profile, Optional<String>> desired, String reason) {
        this.id = id;
        this.path = path;
        this.format = format;
        this.desired = desired;
        this.reason = reason;
    }

    @Override
    public String id() {
        return id;
    }

    /** The host path this setting lives in. */
    public String path() {
        return path;
    }

    @Override
    public Result plan(TuneContext context) {
        return desired.apply(context.profile())
                .map(value -> Tunable.fileChange(context, id, path, format, value, reason))
                .orElse(Result.NONE);
    }
}
