package dev.asios.tune.imports;

/**
 * A part of a tuned profile that was not imported, and why.
 *
 * @param setting the tuned setting (or section, or include), as tuned writes it
 * @param source where it was set ({@code profile:line})
 * @param reason why ASIOS cannot take it, and what to do instead where there is something
 */
public record SkippedSetting(String setting, String source, String reason) {

    /** The entry for a tuned setting. */
    static SkippedSetting of(TunedSetting setting, String reason) {
        return new SkippedSetting(setting.describe(), setting.source(), reason);
    }
}
