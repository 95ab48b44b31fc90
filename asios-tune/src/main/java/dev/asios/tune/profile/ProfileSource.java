package dev.asios.tune.profile;

/** Where a profile was found. */
public enum ProfileSource {
    /** Shipped inside ASIOS. */
    BUILT_IN,
    /** The user's profile directory, with a name no built-in profile has. */
    USER,
    /** The user's profile directory, replacing the built-in profile of the same name. */
    USER_OVERRIDES_BUILT_IN
}
