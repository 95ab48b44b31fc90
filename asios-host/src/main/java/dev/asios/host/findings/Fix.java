package dev.asios.host.findings;

/**
 * One way to mend a finding.
 *
 * @param kind a command to run now, a kernel boot parameter, or a manual step
 * @param text the exact command, parameter or step
 */
public record Fix(Kind kind, String text) {

    /** What sort of fix it is. */
    public enum Kind {
        /** A shell command that takes effect now (and does not survive a reboot unless it says so). */
        COMMAND,
        /** A kernel command-line parameter: takes effect after the boot loader is updated and the host reboots. */
        BOOT_PARAMETER,
        /** Something a person does: firmware settings, cabling, a different slot. */
        MANUAL
    }

    /** A command to run now. */
    public static Fix command(String text) {
        return new Fix(Kind.COMMAND, text);
    }

    /** A kernel boot parameter. */
    public static Fix bootParameter(String text) {
        return new Fix(Kind.BOOT_PARAMETER, text);
    }

    /** A manual step. */
    public static Fix manual(String text) {
        return new Fix(Kind.MANUAL, text);
    }
}
