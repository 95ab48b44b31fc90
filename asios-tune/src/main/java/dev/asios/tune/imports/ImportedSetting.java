package dev.asios.tune.imports;

/**
 * A tuned setting that became an ASIOS profile setting.
 *
 * @param setting the tuned setting, as tuned writes it
 * @param source where it was set ({@code profile:line})
 * @param asiosKey the ASIOS setting it became ({@code cpu.governor})
 * @param value the ASIOS value, as written in the profile
 * @param note how the meaning differs, or the empty string when it does not
 */
public record ImportedSetting(String setting, String source, String asiosKey, String value, String note) {
}
