package dev.asios.host.kernel;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Diagnostics;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A recorded tree built file by file in a test's temporary folder. */
final class SysTree {

    private final Path root;
    private final SysrootValues values;

    SysTree(Path root) {
        this.root = root;
        dir("/proc");
        dir("/sys");
        this.values = new SysrootValues(Sysroot.of(root));
    }

    /** Writes {@code content} to the host path, creating folders. */
    SysTree file(String hostPath, String content) {
        Path file = root.resolve(hostPath.substring(1));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    SysTree dir(String hostPath) {
        try {
            Files.createDirectories(root.resolve(hostPath.substring(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A symbolic link at {@code hostPath} to {@code target} (relative, as sysfs writes them). */
    SysTree link(String hostPath, String target) {
        Path link = root.resolve(hostPath.substring(1));
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    SysrootValues values() {
        return values;
    }

    List<Diagnostics.Warning> warnings() {
        return values.sysroot().diagnostics().warnings();
    }

    KernelState read(CpuSet onlineCpus) {
        return new KernelStateReader(values).read(onlineCpus);
    }
}
