package dev.asios.health.policy;

import java.util.Optional;

/**
 * How far the agent may go when a remediation is proposed. The policy file sets it with
 * {@code mode:}; {@code asios up --heal MODE} overrides the file ({@link HealPolicy#withMode}).
 */
public enum HealMode {

    /** Nothing is decided or reported: healing is switched off. */
    OFF,

    /** The default: every remediation the policy allows is reported as what would be done, and nothing is changed. */
    DRY_RUN,

    /** Remediations the policy allows are carried out, within their rate limits. */
    ENFORCE;

    /** The name in files, the API and on the command line: {@code off}, {@code dry-run}, {@code enforce}. */
    public String wireName() {
        return KebabCase.of(this);
    }

    /** The mode named {@code name} exactly as {@link #wireName()} spells it, if any. */
    public static Optional<HealMode> fromWireName(String name) {
        return KebabCase.parse(HealMode.class, name);
    }

    /**
     * The mode for the command line's {@code --heal} value.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones, for any other text
     */
    public static HealMode parseOption(String text) {
        return fromWireName(text).orElseThrow(
                () -> new IllegalArgumentException("--heal '" + text + "': expected one of " + KebabCase.all(HealMode.class)));
    }
}
