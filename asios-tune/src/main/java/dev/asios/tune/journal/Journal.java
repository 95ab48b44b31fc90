package dev.asios.tune.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.tune.journal.JournalEntry.Kind;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.ValueFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rollback journal: an append-only file of {@link JournalEntry} lines in a folder (default
 * {@code /var/lib/asios/tune}). Every entry is forced to disk before {@link #append} returns, so
 * the original value of a file is durable before the file is changed: after a crash or power cut
 * at any point, the journal names every file that may have changed and its original value.
 *
 * <p>A line torn by a crash in the middle of a write is the last line; reading ignores it (the
 * change it described was not made yet). Not thread-safe: one apply or rollback at a time.
 */
public final class Journal implements AutoCloseable {

    /** The journal's file name inside its folder. */
    public static final String FILE = "journal.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final Clock clock;

    private Journal(Path file, FileChannel channel, Clock clock) {
        this.file = file;
        this.channel = channel;
        this.clock = clock;
    }

    /** Opens (creating it and its folder if needed) the journal in {@code dir} for appending. */
    public static Journal open(Path dir, Clock clock) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            boolean created = !Files.exists(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (created) {
                syncFolder(dir);
            }
            return new Journal(file, channel, clock);
        } catch (IOException e) {
            throw new JournalException("cannot open the tuning journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records the start of an apply of {@code profile}. */
    public void begin(String profile) {
        append(new JournalEntry(Kind.BEGIN, now(), profile, null, null, null, null, null));
    }

    /** Records the original state of a path before {@code operation} changes it; durable when this returns. */
    public void original(Operation operation, String path, ValueFormat format, String value) {
        append(new JournalEntry(Kind.ORIGINAL, now(), null, operation, path, format, value, null));
    }

    /**
     * Records that a path now has its desired state (kept so drift can be checked and repaired),
     * with the tasks a {@link Operation#MOVE_TASKS} moved (null for other operations).
     */
    public void applied(Operation operation, String path, ValueFormat format, String desired, List<Long> moved) {
        append(new JournalEntry(Kind.APPLIED, now(), null, operation, path, format, desired, moved));
    }

    /** Records the end of an apply. */
    public void end() {
        append(new JournalEntry(Kind.END, now(), null, null, null, null, null, null));
    }

    /** Records that a rollback brought a path back to its original state. */
    public void restored(Operation operation, String path) {
        append(new JournalEntry(Kind.RESTORED, now(), null, operation, path, null, null, null));
    }

    private void append(JournalEntry entry) {
        try {
            byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new JournalException("cannot write the tuning journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new JournalException("cannot close the tuning journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** All entries of the journal in {@code dir}; empty when there is none. */
    public static List<JournalEntry> read(Path dir) {
        Path file = dir.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new JournalException("cannot read the tuning journal " + file + ": " + e.getMessage(), e);
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                entries.add(JSON.readValue(lines.get(i), JournalEntry.class));
            } catch (JsonProcessingException e) {
                if (i < lines.size() - 1) {
                    throw new JournalException(file + ":" + (i + 1) + ": not a journal entry (" + e.getOriginalMessage()
                            + "); the journal is damaged: restore the listed originals by hand or move the file away");
                }
            }
        }
        return entries;
    }

    /** The first recorded original of each change, by {@link JournalEntry#key()}, in journal order: what a rollback restores. */
    public static Map<String, JournalEntry> originals(List<JournalEntry> entries) {
        Map<String, JournalEntry> originals = new LinkedHashMap<>();
        for (JournalEntry entry : entries) {
            if (entry.kind() == Kind.ORIGINAL) {
                originals.putIfAbsent(entry.key(), entry);
            }
        }
        return originals;
    }

    /** The last applied state of each change, by {@link JournalEntry#key()}, in journal order: what the active profiles want. */
    public static Map<String, JournalEntry> applied(List<JournalEntry> entries) {
        Map<String, JournalEntry> applied = new LinkedHashMap<>();
        for (JournalEntry entry : entries) {
            if (entry.kind() == Kind.APPLIED) {
                applied.remove(entry.key());
                applied.put(entry.key(), entry);
            }
        }
        return applied;
    }

    /** Moves a finished journal aside (kept for the record) so that no profile is active. */
    public static void archive(Path dir, Clock clock) {
        Path file = dir.resolve(FILE);
        Path target = dir.resolve("rolled-back-" + clock.instant().toString().replace(':', '-') + ".jsonl");
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(dir);
        } catch (NoSuchFileException e) {
            // Nothing was active.
        } catch (IOException e) {
            throw new JournalException("cannot archive the tuning journal " + file + ": " + e.getMessage(), e);
        }
    }

    private String now() {
        return clock.instant().toString();
    }

    private static void syncFolder(Path dir) throws IOException {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        }
    }
}
