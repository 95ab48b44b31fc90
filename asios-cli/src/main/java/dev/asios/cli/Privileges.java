package dev.asios.cli;

import dev.asios.host.sysroot.Sysroot;

/** Whether this process runs as root, for commands that change the host and must refuse early without it. */
public final class Privileges {

    private Privileges() {
    }

    /** True when this process's effective user is root. */
    public static boolean root() {
        return Sysroot.host().readTrimmed("/proc/self/status").map(Privileges::isRoot).orElse(false);
    }

    // Format of /proc/self/status: "Uid:\t0\t0\t0\t0" (real, effective, saved, file system)
    static boolean isRoot(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Uid:")) {
                String[] ids = line.substring(4).strip().split("\\s+");
                return ids.length > 1 && ids[1].equals("0");
            }
        }
        return false;
    }
}
