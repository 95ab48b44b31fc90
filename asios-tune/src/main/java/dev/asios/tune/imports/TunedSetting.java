package dev.asios.tune.imports;

/**
 * One option of a tuned profile after includes are merged and variables expanded.
 *
 * @param section the section (tuned's plugin instance) it is in
 * @param key the option's name
 * @param value its value, with every variable tuned can expand without the host expanded
 * @param origin the tuned profile (or variables file) that set it
 * @param file the file it is in, as error messages name it
 * @param line the 1-based line in that file
 */
public record TunedSetting(String section, String key, String value, String origin, String file, int line) {

    /** The setting as a tuned profile writes it: {@code [cpu] governor = performance}. */
    public String describe() {
        return "[" + section + "] " + key + " = " + value;
    }

    /** Where it was set: {@code latency-performance:9}. */
    public String source() {
        return origin + ":" + line;
    }

    /** The same setting with another value (a part of it, or its expansion). */
    TunedSetting withValue(String other) {
        return new TunedSetting(section, key, other, origin, file, line);
    }
}
