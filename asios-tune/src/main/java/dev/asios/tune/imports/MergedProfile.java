package dev.asios.tune.imports;

import java.util.List;
import java.util.Optional;

/**
 * A tuned profile with its includes merged in, as tuned would apply it.
 *
 * @param imported the name of the profile imported
 * @param profiles the tuned profiles merged, included ones first
 * @param summary the {@code [main] summary}, expanded, if there is one
 * @param units the plugin sections, without {@code [main]} and {@code [variables]}
 * @param skipped what merging could not take: includes not found, variables that need tuned
 */
record MergedProfile(String imported, List<String> profiles, Optional<String> summary, List<TunedUnit> units, List<SkippedSetting> skipped) {

    MergedProfile {
        profiles = List.copyOf(profiles);
        units = List.copyOf(units);
        skipped = List.copyOf(skipped);
    }
}
