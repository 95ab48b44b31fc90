package dev.asios.host.sys;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The numbers of the system calls that glibc has no wrapper for, per architecture. x86_64 has its
 * own table; aarch64 and riscv64 use the asm-generic one ({@code include/uapi/asm-generic/unistd.h}).
 */
final class Syscalls {

    private static final Map<String, Map<String, Long>> BY_ARCH = Map.of(
            "x86_64", Map.of("get_mempolicy", 239L, "set_mempolicy", 238L, "perf_event_open", 298L),
            "generic", Map.of("get_mempolicy", 236L, "set_mempolicy", 237L, "perf_event_open", 241L));

    private Syscalls() {
    }

    /** The number of system call {@code name} on the JVM's architecture; empty where none is known. */
    static OptionalLong number(String name) {
        return number(name, osArch());
    }

    /** The number of system call {@code name} on architecture {@code osArch} (as {@code os.arch} spells it). */
    static OptionalLong number(String name, String osArch) {
        Map<String, Long> table = switch (osArch) {
            case "amd64", "x86_64" -> BY_ARCH.get("x86_64");
            case "aarch64", "arm64", "riscv64" -> BY_ARCH.get("generic");
            default -> Map.of();
        };
        Long number = table.get(name);
        return number == null ? OptionalLong.empty() : OptionalLong.of(number);
    }

    /** The JVM's {@code os.arch}. */
    static String osArch() {
        return System.getProperty("os.arch", "unknown");
    }
}
