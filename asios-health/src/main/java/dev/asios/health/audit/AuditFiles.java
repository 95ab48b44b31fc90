package dev.asios.health.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of an audit log in its folder: {@code events.jsonl} is written to; on rotation it
 * becomes {@code events.1.jsonl}, the former {@code events.1.jsonl} becomes {@code events.2.jsonl},
 * and so on, the oldest beyond the number kept deleted. Stateless.
 */
final class AuditFiles {

    /** The file being written. */
    static final String ACTIVE = "events.jsonl";
    /** The lock that keeps a second writer out. */
    static final String LOCK = "events.lock";

    private static final Pattern NAME = Pattern.compile("events(?:\\.([1-9][0-9]{0,8}))?\\.jsonl");

    private AuditFiles() {
    }

    /** The rotated file number {@code n}: {@code events.n.jsonl}. */
    static Path rotated(Path dir, int n) {
        return dir.resolve("events." + n + ".jsonl");
    }

    /** The log's files that exist, oldest first: the rotated ones from the highest number down, then the active one. */
    static List<Path> oldestFirst(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(path -> NAME.matcher(path.getFileName().toString()).matches()).forEach(files::add);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        files.sort(Comparator.comparingInt(AuditFiles::number).reversed());
        return files;
    }

    /**
     * Turns the active file into {@code events.1.jsonl}, shifting the rotated files up and deleting
     * those beyond {@code keepRotated}; then makes the renames durable.
     */
    static void rotate(Path dir, int keepRotated) throws IOException {
        List<Path> rotated = new ArrayList<>(oldestFirst(dir));
        rotated.removeIf(path -> number(path) == 0);
        for (Path file : rotated) {
            int n = number(file);
            if (n >= keepRotated) {
                Files.delete(file);
            } else {
                Files.move(file, rotated(dir, n + 1), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Path active = dir.resolve(ACTIVE);
        if (keepRotated == 0) {
            Files.deleteIfExists(active);
        } else if (Files.exists(active)) {
            Files.move(active, rotated(dir, 1), StandardCopyOption.ATOMIC_MOVE);
        }
        syncFolder(dir);
    }

    /** Makes the folder's entries (a new or renamed file) durable. */
    static void syncFolder(Path dir) throws IOException {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        }
    }

    /** The rotation number of a log file, 0 for the active one. */
    private static int number(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an audit log file: " + file);
        }
        return matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1));
    }
}
