package dev.asios.host.sysroot;

import dev.asios.host.parse.ByteText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The one door to the kernel: every read of {@code /proc}, {@code /sys} and {@code /dev} goes
 * through here. Paths are given as absolute host paths ({@code /sys/devices/system/cpu/online})
 * and resolved under the root, which is {@code /} in production and a recorded tree in tests.
 *
 * <p>Symbolic links are followed inside the root: an absolute link target is taken relative to
 * the root, so a recorded tree never escapes into the real host.
 *
 * <p>A missing file is an explicit absence ({@link Optional#empty()}); a file that exists but
 * cannot be read (permission, I/O error) is also absent and is recorded in {@link #diagnostics()}.
 * Thread-safe.
 */
public final class Sysroot {

    private static final int MAX_LINK_HOPS = 40;

    private final Path root;
    private final Diagnostics diagnostics;

    private Sysroot(Path root, Diagnostics diagnostics) {
        this.root = root;
        this.diagnostics = diagnostics;
    }

    /** The running host: root {@code /}. */
    public static Sysroot host() {
        return new Sysroot(Path.of("/"), new Diagnostics());
    }

    /**
     * A recorded tree or the host.
     *
     * @throws SysrootException if {@code root} does not exist, is not a folder, or has neither
     *     {@code proc} nor {@code sys} in it
     */
    public static Sysroot of(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new SysrootException("sysroot " + root + " does not exist; give a folder that holds a recorded proc/ and sys/ tree");
        }
        if (!Files.isDirectory(absolute)) {
            throw new SysrootException("sysroot " + root + " is not a folder; give a folder that holds a recorded proc/ and sys/ tree");
        }
        if (!Files.isDirectory(absolute.resolve("sys")) && !Files.isDirectory(absolute.resolve("proc"))) {
            throw new SysrootException("sysroot " + root + " is not a Linux tree: it has neither sys/ nor proc/ in it");
        }
        return new Sysroot(absolute, new Diagnostics());
    }

    /** The folder that stands for {@code /}. */
    public Path root() {
        return root;
    }

    /** True when this is the running host rather than a recorded tree. */
    public boolean isHost() {
        return root.getNameCount() == 0;
    }

    /** Where unreadable files and parse problems are recorded. */
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** The whole content of a file, or empty if it is missing or unreadable. */
    public Optional<String> read(String hostPath) {
        return readBytes(hostPath).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * The raw bytes of a binary file, such as a PCI function's {@code config} space, or empty if it
     * is missing or unreadable. The kernel may return fewer bytes than the file's stated size (64 of
     * the 4096 config-space bytes to a reader without root); callers check the length they got.
     */
    public Optional<byte[]> readBytes(String hostPath) {
        Path file = resolve(hostPath);
        // One large first read: integer sysctls in /proc/sys report size 0 and answer end-of-file
        // to any read that does not start at offset 0, so a small first read would truncate them.
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(in.readAllBytes());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                diagnostics.warn(hostPath, "is a folder, expected a file");
            } else {
                diagnostics.warn(hostPath, "unreadable: " + describe(e));
            }
            return Optional.empty();
        }
    }

    /**
     * Reads a whole file into a reusable buffer, for collectors that read the same files every
     * interval. False if the file is missing or unreadable (recorded in {@link #diagnostics()} as
     * {@link #readBytes} does); the buffer is then empty.
     */
    public boolean readInto(String hostPath, ByteText buffer) {
        Path file = resolve(hostPath);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            buffer.fill(channel);
            return true;
        } catch (NoSuchFileException e) {
            buffer.clear();
            return false;
        } catch (IOException e) {
            diagnostics.warn(hostPath, "unreadable: " + describe(e));
            buffer.clear();
            return false;
        }
    }

    /**
     * Writes {@code value} to an existing kernel file in one write, as sysfs and procfs expect.
     * Only the tuning executor calls this, after it has journaled the file's original value.
     *
     * @throws IOException if the file does not exist or the kernel refuses the value (the
     *     message names the file)
     */
    public void write(String hostPath, String value) throws IOException {
        Path file = resolve(hostPath);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(value.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException(hostPath + ": cannot write '" + value.strip() + "': " + describe(e), e);
        }
    }

    /**
     * Creates a folder, as {@code mkdir} does: on cgroupfs the kernel fills it with the new
     * cgroup's control files. Only the tuning executor calls this, after journaling that the
     * folder did not exist.
     *
     * @throws IOException if it exists already or cannot be made (the message names it)
     */
    public void createDirectory(String hostPath) throws IOException {
        try {
            Files.createDirectory(resolve(hostPath));
        } catch (IOException e) {
            throw new IOException(hostPath + ": cannot create the folder: " + describe(e), e);
        }
    }

    /**
     * Removes an empty folder, as {@code rmdir} does; on cgroupfs the cgroup's control files go
     * with it. Only the tuning executor calls this, for a folder it made. A missing folder is
     * already removed.
     *
     * @throws IOException if it cannot be removed, for example a cgroup that still has tasks or
     *     children (the message names it)
     */
    public void removeDirectory(String hostPath) throws IOException {
        try {
            Files.deleteIfExists(resolve(hostPath));
        } catch (IOException e) {
            throw new IOException(hostPath + ": cannot remove the folder: " + describe(e), e);
        }
    }

    /**
     * Replaces a configuration file (under {@code /etc}, not a kernel file) atomically: the new
     * content goes to a temporary file in the same folder, is forced to disk and renamed over the
     * file, so a crash leaves the old or the new file, never half of one. The folder must exist.
     * Only the tuning executor calls this, after journaling the file's original content.
     *
     * @throws IOException if the file cannot be written (the message names it)
     */
    public void replaceFile(String hostPath, String content) throws IOException {
        Path file = resolve(hostPath);
        Path temporary = file.resolveSibling("." + file.getFileName() + ".asios-new");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(file.getParent());
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw new IOException(hostPath + ": cannot write the file: " + describe(e), e);
        }
    }

    /**
     * Deletes a configuration file that ASIOS wrote; a missing file is already deleted.
     *
     * @throws IOException if it cannot be deleted (the message names it)
     */
    public void deleteFile(String hostPath) throws IOException {
        Path file = resolve(hostPath);
        try {
            if (Files.deleteIfExists(file)) {
                syncFolder(file.getParent());
            }
        } catch (IOException e) {
            throw new IOException(hostPath + ": cannot delete the file: " + describe(e), e);
        }
    }

    private static void syncFolder(Path dir) throws IOException {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        }
    }

    /** The content of a file with surrounding white space removed, or empty. */
    public Optional<String> readTrimmed(String hostPath) {
        return read(hostPath).map(String::strip);
    }

    /** True if the path exists (following links inside the root). */
    public boolean exists(String hostPath) {
        return Files.exists(resolve(hostPath));
    }

    /** True if the path is a folder (following links inside the root). */
    public boolean isDirectory(String hostPath) {
        return Files.isDirectory(resolve(hostPath));
    }

    /** Names in a folder, sorted; empty if the folder is missing or unreadable. */
    public List<String> list(String hostDir) {
        Path dir = resolve(hostDir);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                names.add(entry.getFileName().toString());
            }
        } catch (IOException e) {
            diagnostics.warn(hostDir, "cannot list: " + describe(e));
            return List.of();
        }
        Collections.sort(names);
        return names;
    }

    /**
     * The host path a link (or a path through links) points to, with every link resolved inside
     * the root, for example {@code /sys/bus/pci/devices/0000:00:01.0} to
     * {@code /sys/devices/pci0000:00/0000:00:01.0}. Empty if a component is missing.
     */
    public Optional<String> realPath(String hostPath) {
        List<String> done = new ArrayList<>();
        List<String> todo = new ArrayList<>(components(hostPath));
        int hops = 0;
        while (!todo.isEmpty()) {
            String name = todo.removeFirst();
            if (name.equals("..")) {
                if (!done.isEmpty()) {
                    done.removeLast();
                }
                continue;
            }
            done.add(name);
            Path current = under(done);
            if (Files.isSymbolicLink(current)) {
                if (++hops > MAX_LINK_HOPS) {
                    diagnostics.warn(hostPath, "too many levels of symbolic links");
                    return Optional.empty();
                }
                String target;
                try {
                    target = Files.readSymbolicLink(current).toString();
                } catch (IOException e) {
                    diagnostics.warn(hostPath, "unreadable link: " + describe(e));
                    return Optional.empty();
                }
                done.removeLast();
                if (target.startsWith("/")) {
                    done.clear();
                }
                todo.addAll(0, components(target));
            } else if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
        }
        return Optional.of("/" + String.join("/", done));
    }

    /**
     * The target of a symbolic link as it is written (relative or absolute), without following
     * it, for links whose name is the value, such as a PCI function's {@code driver} link
     * ({@code ../../../bus/pci/drivers/nvidia}). Empty if the path is missing or not a link.
     */
    public Optional<String> readLink(String hostPath) {
        Path link = resolve(hostPath);
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readSymbolicLink(link).toString());
        } catch (IOException e) {
            diagnostics.warn(hostPath, "unreadable link: " + describe(e));
            return Optional.empty();
        }
    }

    /** The file system path of a host path under the root; for callers that must hand a path to a tool. */
    public Path resolve(String hostPath) {
        if (!hostPath.startsWith("/")) {
            throw new IllegalArgumentException("host path must be absolute: " + hostPath);
        }
        int start = 1;
        while (start < hostPath.length() && hostPath.charAt(start) == '/') {
            start++;
        }
        Path resolved = root.resolve(hostPath.substring(start)).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("host path leaves the sysroot: " + hostPath);
        }
        return resolved;
    }

    private Path under(List<String> parts) {
        Path p = root;
        for (String part : parts) {
            p = p.resolve(part);
        }
        return p;
    }

    private static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
