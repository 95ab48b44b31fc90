package dev.asios.tune.imports;

import java.util.Set;

/**
 * How one tuned option becomes ASIOS settings: it sets them on the draft, or throws
 * {@link Unmapped} with the reason it cannot. Implementations are stateless.
 */
@FunctionalInterface
interface Mapping {

    /** Maps {@code setting}, an option of {@code unit}, onto {@code draft}. */
    void map(TunedSetting setting, TunedUnit unit, ProfileDraft draft);

    /** An integer in {@code min..max} for {@code key}; a {@code Long} when {@code max} needs one. */
    static Mapping integer(String key, long min, long max) {
        return (setting, unit, draft) -> {
            long value = TunedValues.integer(setting.value(), min, max);
            draft.set(key, max > Integer.MAX_VALUE ? (Object) value : (Object) (int) value, setting, "");
        };
    }

    /** A kernel switch, {@code 0} or {@code 1}, for the boolean {@code key}. */
    static Mapping flag(String key) {
        return (setting, unit, draft) -> draft.set(key, TunedValues.flag(setting.value()), setting, "");
    }

    /** One of {@code choices}, for {@code key}. */
    static Mapping choice(String key, Set<String> choices) {
        return (setting, unit, draft) -> draft.set(key, TunedValues.choice(setting.value(), choices), setting, "");
    }

    /** No mapping: always {@code reason}. */
    static Mapping none(String reason) {
        return (setting, unit, draft) -> {
            throw new Unmapped(reason);
        };
    }
}
