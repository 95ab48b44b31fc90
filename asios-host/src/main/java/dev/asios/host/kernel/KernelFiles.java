package dev.asios.host.kernel;

import dev.asios.host.sysroot.SysrootValues;
import java.util.Optional;

/** Reads shared by the readers of this package. */
final class KernelFiles {

    private KernelFiles() {
    }

    /** The trimmed content of a file that names something; absent when missing or blank. */
    static Optional<String> name(SysrootValues values, String path) {
        return values.string(path).filter(text -> !text.isEmpty());
    }
}
