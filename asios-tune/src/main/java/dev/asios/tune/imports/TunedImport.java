package dev.asios.tune.imports;

import java.util.List;

/**
 * The result of importing a tuned profile.
 *
 * @param name the ASIOS profile's name
 * @param yaml the ASIOS profile, which {@code ProfileLoader} loads as {@code name.yaml}; what was
 *     not imported is kept in it as comments
 * @param imported every tuned setting that became an ASIOS setting, in profile order
 * @param notImported everything that did not, with the reason, in tuned's order
 */
public record TunedImport(String name, String yaml, List<ImportedSetting> imported, List<SkippedSetting> notImported) {

    /** Creates the value with immutable copies of the lists. */
    public TunedImport {
        imported = List.copyOf(imported);
        notImported = List.copyOf(notImported);
    }
}
