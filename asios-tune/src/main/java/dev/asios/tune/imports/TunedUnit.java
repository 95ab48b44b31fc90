package dev.asios.tune.imports;

import java.util.List;
import java.util.Optional;

/**
 * One section of a merged tuned profile: an instance of a tuned plugin.
 *
 * @param name the section's name
 * @param type the plugin: the {@code type} option, or the name when there is none
 * @param source where its last header is ({@code profile:line})
 * @param options the section's options in order, expanded
 */
record TunedUnit(String name, String type, String source, List<TunedSetting> options) {

    TunedUnit {
        options = List.copyOf(options);
    }

    /** The value of option {@code key}, if the section has it. */
    Optional<String> value(String key) {
        return options.stream().filter(o -> o.key().equals(key)).map(TunedSetting::value).findFirst();
    }
}
