package dev.asios.run.launch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a run may be restarted by the agent when it crashes, as {@code asios run --restart}
 * declares it. The agent's heal policy decides whether, when and how often it is.
 */
public enum RestartPolicy {

    /** Never restarted: the default. */
    NO,

    /**
     * Restarted when it ends with a failure: a non-zero exit, or killed by a signal that did not
     * come from the operator through its {@code asios run}.
     */
    ON_FAILURE;

    /** The name on the command line and in the store: {@code no}, {@code on-failure}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The policy named {@code name} exactly as {@link #wireName()} spells it, if any. */
    public static Optional<RestartPolicy> fromWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
    }

    /** The names, for a message: {@code no, on-failure}. */
    public static String names() {
        return Arrays.stream(values()).map(RestartPolicy::wireName).collect(Collectors.joining(", "));
    }
}
