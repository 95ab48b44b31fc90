package dev.asios.host.sysroot;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Typed reads of single-value kernel files: a file is read through the {@link Sysroot}, parsed by
 * a pure parser, and a parse failure becomes a warning that names the file. A missing file is
 * simply absent (no warning): callers decide whether absence matters. Thread-safe.
 */
public final class SysrootValues {

    private final Sysroot sysroot;

    /** Reads through {@code sysroot} and records problems in its diagnostics. */
    public SysrootValues(Sysroot sysroot) {
        this.sysroot = sysroot;
    }

    /** The sysroot read through. */
    public Sysroot sysroot() {
        return sysroot;
    }

    /** The trimmed content of a file. */
    public Optional<String> string(String path) {
        return sysroot.readTrimmed(path);
    }

    /** A file holding one decimal integer (surrounding white space allowed). */
    public OptionalLong longValue(String path) {
        Optional<Long> value = parsed(path, text -> parseLong(text.strip()));
        return value.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /** A file in the kernel's CPU list format ({@code 0-3,8}). */
    public Optional<CpuSet> cpuList(String path) {
        return parsed(path, CpuSet::parseList);
    }

    /** A file in the kernel's CPU mask format ({@code 0000ff0f}). */
    public Optional<CpuSet> cpuMask(String path) {
        return parsed(path, CpuSet::parseMask);
    }

    /** A file parsed by {@code parser}; a {@link ParseException} becomes a warning and an absence. */
    public <T> Optional<T> parsed(String path, Function<String, T> parser) {
        Optional<String> text = sysroot.read(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(text.get()));
        } catch (ParseException e) {
            sysroot.diagnostics().warn(path, e.getMessage());
            return Optional.empty();
        }
    }

    /** Parses a decimal integer, throwing {@link ParseException} with the text on failure. */
    public static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ParseException("expected an integer, found '" + abbreviate(text) + "'");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
