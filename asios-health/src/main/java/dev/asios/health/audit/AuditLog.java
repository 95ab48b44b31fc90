package dev.asios.health.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only audit log of every detection and action, as JSON lines in a folder (the agent's
 * state folder): {@code events.jsonl}, rotated to {@code events.1.jsonl} and on beyond a size.
 * Each line carries the SHA-256 of the line before it, across files, so that a line changed, a
 * line removed or a file removed is found when the log is opened. Each append is forced to disk
 * (fsync) before it returns; {@link #appendAll} forces a batch once.
 *
 * <p>Opening never refuses a damaged log: it reports where the chain breaks
 * ({@link #openCheck()}), cuts a torn last line left by a crash in the middle of a write, and
 * records both in a {@link AuditEventType#LOG_DAMAGED} event (once per break: a break that an
 * earlier such event records is not reported again). Limits: the last line has no successor, so a
 * change to it alone, or lines cut from the end, are not detected.
 *
 * <p>One writer per folder, kept to it by a lock file ({@code events.lock}). Thread-safe: appends are
 * serialized, so lines never interleave and sequence numbers have no gaps.
 */
public final class AuditLog implements AutoCloseable {

    /** The most breaks one {@code log-damaged} event records by hash; more are reported again on the next open. */
    private static final int MAX_RECORDED_BREAKS = 500;
    /** The most breaks one {@code log-damaged} event describes in words. */
    private static final int MAX_DESCRIBED_BREAKS = 10;

    private final Path dir;
    private final AuditLogSettings settings;
    private final InstantSource clock;
    private final FileChannel lockChannel;
    private final AuditLogCheck openCheck;
    private FileChannel active;
    private long activeBytes;
    private long nextSequence;
    private String headHash;
    private boolean closed;

    private AuditLog(Path dir, AuditLogSettings settings, InstantSource clock, FileChannel lockChannel, AuditLogCheck openCheck, String headHash)
            throws IOException {
        this.dir = dir;
        this.settings = settings;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.openCheck = openCheck;
        this.headHash = headHash;
        this.nextSequence = openCheck.lastSequence() + 1;
        openActive();
    }

    /**
     * Opens (creating it if needed) the log in {@code dir}: checks its chain, cuts a torn last line,
     * and records what it found in a {@code log-damaged} event.
     *
     * @throws AuditException if the folder cannot be created or read, the log cannot be opened for
     *     writing, or another process holds it
     */
    public static AuditLog open(Path dir, AuditLogSettings settings, InstantSource clock) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AuditException("cannot create the audit log folder " + dir + " (" + e + "); check the state folder and its permissions", e);
        }
        FileChannel lockChannel = lock(dir);
        try {
            ChainVerifier verifier = new ChainVerifier();
            for (Path file : AuditFiles.oldestFirst(dir)) {
                verifier.file(file, file.getFileName().toString().equals(AuditFiles.ACTIVE));
            }
            Optional<String> torn = verifier.torn().map(line -> verifier.describeTorn());
            if (verifier.torn().isPresent()) {
                cut(dir.resolve(AuditFiles.ACTIVE), verifier.torn().get().offset());
            }
            AuditLogCheck check = verifier.result(torn);
            AuditLog log = new AuditLog(dir, settings, clock, lockChannel, check, verifier.lastHash());
            if (check.damaged()) {
                try {
                    log.append(damageEvent(check));
                } catch (RuntimeException e) {
                    log.close();
                    throw e;
                }
            }
            return log;
        } catch (IOException | RuntimeException e) {
            closeQuietly(lockChannel, e);
            if (e instanceof AuditException audit) {
                throw audit;
            }
            throw new AuditException("cannot open the audit log in " + dir + " (" + e + "); check the disk and the folder's permissions", e);
        }
    }

    /** What opening found: the chain's breaks and a torn last line, if any. */
    public AuditLogCheck openCheck() {
        return openCheck;
    }

    /** The folder the log is in. */
    public Path dir() {
        return dir;
    }

    /**
     * Appends one event, numbered and timed by the log, durable when this returns.
     *
     * @throws IllegalArgumentException if the event is invalid or longer than 64 KiB as a line
     * @throws AuditException if it cannot be written or forced to disk; the log is left as it was
     */
    public AuditEvent append(AuditEvent.Builder event) {
        return appendAll(List.of(event)).getFirst();
    }

    /**
     * Appends events in order with one fsync for all, each numbered, all with the same time;
     * durable when this returns.
     *
     * @throws IllegalArgumentException if an event is invalid or too long; none is written
     * @throws AuditException if they cannot be written; those before the failing one stay
     */
    public synchronized List<AuditEvent> appendAll(List<AuditEvent.Builder> events) {
        if (closed) {
            throw new IllegalStateException("the audit log in " + dir + " is closed");
        }
        long epochMs = clock.millis();
        List<AuditEvent> numbered = new ArrayList<>(events.size());
        List<byte[]> lines = new ArrayList<>(events.size());
        String hash = headHash;
        for (AuditEvent.Builder event : events) {
            AuditEvent built = event.build(nextSequence + numbered.size(), epochMs);
            byte[] line = AuditLineCodec.encode(built, hash);
            hash = AuditLineCodec.sha256(line, line.length - 1);
            numbered.add(built);
            lines.add(line);
        }
        for (byte[] line : lines) {
            write(line);
        }
        force();
        return numbered;
    }

    /** The number of the last event appended, 0 for an empty log. */
    public synchronized long lastSequence() {
        return nextSequence - 1;
    }

    /**
     * The events {@code query} selects, read under the log's lock so that no append or rotation
     * happens during the read.
     *
     * @throws AuditException if a file cannot be read
     */
    public synchronized AuditPage query(AuditQuery query) {
        return AuditReader.read(dir, query);
    }

    /** Closes the file and releases the folder to another writer. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        for (FileChannel channel : new FileChannel[] {active, lockChannel}) {
            try {
                channel.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new AuditException("cannot close the audit log in " + dir + " (" + failure + ")", failure);
        }
    }

    /** Writes one line, rotating first when it would take the file past its size; on failure cuts what part of it was written. */
    private void write(byte[] line) {
        try {
            if (activeBytes > 0 && activeBytes + line.length > settings.maxFileBytes()) {
                rotate();
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                active.write(buffer);
            }
        } catch (IOException e) {
            try {
                active.truncate(activeBytes);
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new AuditException("cannot write to the audit log " + dir.resolve(AuditFiles.ACTIVE) + " (" + e + "); check free space", e);
        }
        activeBytes += line.length;
        headHash = AuditLineCodec.sha256(line, line.length - 1);
        nextSequence++;
    }

    private void force() {
        try {
            active.force(false);
        } catch (IOException e) {
            throw new AuditException("cannot force the audit log " + dir.resolve(AuditFiles.ACTIVE) + " to disk (" + e + ")", e);
        }
    }

    private void rotate() throws IOException {
        active.force(false);
        active.close();
        try {
            AuditFiles.rotate(dir, settings.keepRotated());
        } finally {
            openActive();
        }
    }

    private void openActive() throws IOException {
        Path file = dir.resolve(AuditFiles.ACTIVE);
        boolean created = !Files.exists(file);
        active = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        activeBytes = active.size();
        if (created) {
            AuditFiles.syncFolder(dir);
        }
    }

    private static FileChannel lock(Path dir) {
        Path path = dir.resolve(AuditFiles.LOCK);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new AuditException("cannot open the audit log's lock " + path + " (" + e + "); check the folder's permissions", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly(channel, null);
            throw new AuditException("the audit log in " + dir + " is in use by another asios agent; stop it, or give this one another state folder");
        }
        return channel;
    }

    private static void cut(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(offset);
            channel.force(true);
        }
    }

    private static AuditEvent.Builder damageEvent(AuditLogCheck check) {
        List<String> found = new ArrayList<>();
        check.tornLine().ifPresent(torn -> found.add("cut a torn last line: " + torn));
        List<ChainBreak> breaks = check.newBreaks();
        if (!breaks.isEmpty()) {
            String described = String.join("; ", breaks.stream().limit(MAX_DESCRIBED_BREAKS).map(ChainBreak::toString).toList());
            String more = breaks.size() > MAX_DESCRIBED_BREAKS ? "; and " + (breaks.size() - MAX_DESCRIBED_BREAKS) + " more" : "";
            found.add("the hash chain breaks at " + breaks.size() + (breaks.size() == 1 ? " place: " : " places: ") + described + more);
        }
        AuditEvent.Builder event = AuditEvent.builder(AuditEvent.AUDIT, AuditEventType.LOG_DAMAGED, "audit-log", String.join(". ", found))
                .outcome(breaks.isEmpty() ? "the log goes on after the last whole line"
                        : "the log is kept as it is and goes on from its last line; the lines named may have been changed, removed or inserted");
        if (!breaks.isEmpty()) {
            event.after(AuditValue.of(Map.of(ChainVerifier.BREAKS_FIELD,
                    String.join(" ", breaks.stream().limit(MAX_RECORDED_BREAKS).map(ChainBreak::lineSha256).toList()))));
        }
        return event;
    }

    private static void closeQuietly(FileChannel channel, Exception into) {
        try {
            channel.close();
        } catch (IOException e) {
            if (into != null) {
                into.addSuppressed(e);
            }
        }
    }
}
