package dev.asios.tune.imports;

import dev.asios.tune.profile.ProfileLoader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Converts a tuned profile into an ASIOS profile. Pure: the profile's text and a
 * {@link TunedSource} for what it includes in, a {@link TunedImport} out; thread-safe.
 *
 * <p>The profile is merged with its includes as tuned merges them; each option with an ASIOS
 * equivalent becomes that setting, and everything else (scripts, raw sysfs writes, unknown
 * sysctls, sections tuned applies only on some hosts, values that need tuned's functions on the
 * host) is kept as a comment with the reason, and listed in {@link TunedImport#notImported()}.
 * The YAML always loads with {@link ProfileLoader} under the name given.
 */
public final class TunedImporter {

    /** Options that say where and how tuned applies a section, not what it sets. */
    private static final Set<String> META = Set.of("type", "devices", "devices_udev_regex", "replace", "priority", "enabled",
            "uname_regex", "cpuinfo_regex");

    private TunedImporter() {
    }

    /**
     * Imports the tuned profile {@code tunedName} whose {@code tuned.conf} is {@code conf}, as the
     * ASIOS profile {@code name}.
     *
     * @param source the profiles it may include and the variables files it may read
     * @throws TunedConfException when the profile, an included profile or a variables file is
     *     not INI as tuned reads it
     * @throws IllegalArgumentException when {@code name} is not a profile name
     */
    public static TunedImport importProfile(String name, String tunedName, TunedSource.Text conf, TunedSource source) {
        if (!ProfileLoader.isName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a profile name");
        }
        MergedProfile merged = TunedLoader.load(tunedName, TunedConf.parse(conf.text(), conf.label()), source);
        ProfileDraft draft = new ProfileDraft();
        draft.skipAll(merged.skipped());
        merged.units().forEach(unit -> unit(unit, draft));
        draft.finish();
        String description = merged.summary().map(s -> s.strip().replaceAll("\\s+", " ") + " (imported from tuned " + tunedName + ")")
                .orElse("Imported from the tuned profile " + tunedName);
        return new TunedImport(name, ProfileYaml.render(name, description, merged, draft), draft.imported(), draft.skipped());
    }

    /**
     * The ASIOS name for a tuned profile folder: lower case, every run of other characters a dash,
     * at most 64 characters; {@code tuned-} in front where that would replace a built-in profile.
     */
    public static String defaultName(String folder) {
        String name = trimDashes(folder.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        if (name.isEmpty()) {
            name = "tuned";
        } else if (ProfileLoader.BUILT_IN.contains(name)) {
            name = "tuned-" + name;
        }
        return trimDashes(name.substring(0, Math.min(64, name.length())));
    }

    private static String trimDashes(String text) {
        return text.replaceAll("^-+|-+$", "");
    }

    private static void unit(TunedUnit unit, ProfileDraft draft) {
        List<TunedSetting> options = unit.options().stream().filter(o -> !META.contains(o.key())).toList();
        Optional<String> disabled = unit.value("enabled").filter(v -> !TunedValues.isTrue(v));
        String condition = Stream.of(unit.value("uname_regex").map(r -> "uname matches " + r), unit.value("cpuinfo_regex").map(r -> "/proc/cpuinfo matches " + r))
                .flatMap(Optional::stream).collect(Collectors.joining(" and "));
        if (disabled.isPresent()) {
            draft.skipAll(List.of(new SkippedSetting("[" + unit.name() + "]", unit.source(), "disabled in tuned (enabled = " + disabled.get() + ")")));
        } else if (!condition.isEmpty()) {
            options.forEach(o -> draft.skip(o, "tuned applies [" + unit.name() + "] only where " + condition + "; an ASIOS profile has no conditions"));
        } else if (options.isEmpty() && !PluginMappings.hasSettings(unit.type())) {
            draft.skipAll(List.of(new SkippedSetting("[" + unit.name() + "]", unit.source(), "tuned's " + unit.type() + " plugin has no ASIOS equivalent")));
        } else {
            int mark = draft.mark();
            for (TunedSetting option : options) {
                try {
                    PluginMappings.of(unit, option.key()).map(option, unit, draft);
                } catch (Unmapped e) {
                    draft.skip(option, e.getMessage());
                }
            }
            unit.value("devices").ifPresent(devices -> draft.noteSince(mark, "tuned applies [" + unit.name() + "] only to devices " + devices
                    + "; ASIOS applies it to every one"));
        }
    }
}
