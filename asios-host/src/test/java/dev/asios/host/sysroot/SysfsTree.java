package dev.asios.host.sysroot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a small recorded tree for reader tests: files with content, and symbolic links. */
public final class SysfsTree {

    private final Path root;

    /** A tree under {@code root} (a test's temporary folder). */
    public SysfsTree(Path root) {
        this.root = root;
    }

    /** Writes {@code content} to the host path {@code path} under the root, making folders. */
    public SysfsTree file(String path, String content) {
        try {
            Path file = root.resolve(path.substring(1));
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes an empty folder at the host path. */
    public SysfsTree dir(String path) {
        try {
            Files.createDirectories(root.resolve(path.substring(1)));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code path} a symbolic link to {@code target} (relative or absolute, as the kernel writes it). */
    public SysfsTree link(String path, String target) {
        try {
            Path link = root.resolve(path.substring(1));
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tree as a sysroot. */
    public Sysroot sysroot() {
        return Sysroot.of(root);
    }

    /** Typed reads of the tree. */
    public SysrootValues values() {
        return new SysrootValues(sysroot());
    }
}
