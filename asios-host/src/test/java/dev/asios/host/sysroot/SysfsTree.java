package dev.asios.host.sysroot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a small recorded tree in a test folder: files with content, folders and symbolic links,
 * all named by their host path ({@code /sys/...}).
 */
public final class SysfsTree {

    private final Path root;

    /** A tree rooted at {@code root} (a {@code @TempDir}). */
    public SysfsTree(Path root) {
        this.root = root;
    }

    /** The folder that stands for {@code /}. */
    public Path root() {
        return root;
    }

    /** Writes a text file, making its folders. */
    public SysfsTree file(String hostPath, String content) {
        return bytes(hostPath, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a binary file, making its folders. */
    public SysfsTree bytes(String hostPath, byte[] content) {
        try {
            Path file = resolve(hostPath);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a folder and its parents. */
    public SysfsTree folder(String hostPath) {
        try {
            Files.createDirectories(resolve(hostPath));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a symbolic link at {@code hostPath} whose target is {@code target}, as written (relative or absolute). */
    public SysfsTree link(String hostPath, String target) {
        try {
            Path link = resolve(hostPath);
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

    private Path resolve(String hostPath) {
        return root.resolve(hostPath.substring(1));
    }
}
