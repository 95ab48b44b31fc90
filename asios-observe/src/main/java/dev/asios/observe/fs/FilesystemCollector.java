package dev.asios.observe.fs;

import dev.asios.host.kernel.MountEntry;
import dev.asios.host.kernel.MountTableParser;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sys.FileSystemSpace;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.Availability;
import dev.asios.observe.collect.Collector;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Space and inodes of the mounted file systems ({@link WatchedMounts} chooses which), labelled
 * {@code mountpoint}, {@code device} and {@code fstype}: {@code asios_filesystem_size_bytes},
 * {@code asios_filesystem_free_bytes} (blocks kept for root included),
 * {@code asios_filesystem_avail_bytes} (what a user may still write), {@code asios_filesystem_files},
 * {@code asios_filesystem_files_free}, {@code asios_filesystem_readonly} (1 or 0) and
 * {@code asios_filesystem_device_error} (1 while the file system does not answer).
 *
 * <p>The mount table ({@code /proc/self/mountinfo}, the agent's own mount namespace) is read again
 * every 30 seconds; the series of a mount that went away are removed. Each file system is asked on
 * a thread of its own with a time limit: a network file system whose server is gone can block
 * {@code statvfs} for ever, and it must not stop the collector loop. Such a mount shows
 * {@code device_error 1} and no values, and is not asked again until the blocked call returns.
 *
 * <p>Not thread-safe: the collector loop's thread only; {@link #close} stops the threads.
 */
public final class FilesystemCollector implements Collector, AutoCloseable {

    /** The mount table read. */
    static final String MOUNTINFO = "/proc/self/mountinfo";
    /** How often the mount table is read again. */
    static final long MOUNT_TABLE_EVERY_MS = 30_000;
    /** How long one collection waits for every file system to answer. */
    static final Duration ANSWER_WITHIN = Duration.ofMillis(500);

    /** Asks a file system for its space: {@code statvfs} on a host. */
    interface SpaceReader {
        FileSystemSpace read(Path path) throws IOException;
    }

    /** The series of one watched mount. */
    private record Watched(MountEntry mount, List<String> labels, Path path) {
    }

    private final Sysroot sysroot;
    private final SpaceReader reader;
    private final LongSupplier clockMs;
    private final ExecutorService askers = Executors.newCachedThreadPool(task -> Thread.ofPlatform().name("asios-statvfs").daemon().unstarted(task));
    private final List<MetricFamily> families;
    private final MetricFamily readOnly;
    private final MetricFamily deviceError;
    private final Availability availability;
    private final Map<String, Future<FileSystemSpace>> unanswered = new HashMap<>();
    private Map<String, Watched> watched = new LinkedHashMap<>();
    private boolean mountsRead;
    private long mountsReadAtMs;

    /** Registers the families in {@code registry}; reads the mount table of {@code sysroot}. */
    public FilesystemCollector(Sysroot sysroot, MetricRegistry registry) {
        this(sysroot, registry, path -> FileSystemSpace.of(path), System::currentTimeMillis);
    }

    FilesystemCollector(Sysroot sysroot, MetricRegistry registry, SpaceReader reader, LongSupplier clockMs) {
        this.sysroot = sysroot;
        this.reader = reader;
        this.clockMs = clockMs;
        String[] labels = {"mountpoint", "device", "fstype"};
        this.families = List.of(
                registry.gauge("asios_filesystem_size_bytes", "Size of the file system's data blocks.", "bytes", labels),
                registry.gauge("asios_filesystem_free_bytes", "Free space of the file system, the blocks kept for root included.", "bytes", labels),
                registry.gauge("asios_filesystem_avail_bytes", "Free space of the file system that a user without privileges may fill.", "bytes", labels),
                registry.gauge("asios_filesystem_files", "Inodes of the file system.", null, labels),
                registry.gauge("asios_filesystem_files_free", "Free inodes of the file system.", null, labels));
        this.readOnly = registry.gauge("asios_filesystem_readonly", "Whether the file system is mounted read-only: 1 or 0.", null, labels);
        this.deviceError = registry.gauge("asios_filesystem_device_error",
                "Whether the file system failed or did not answer within the time limit in the latest collection: 1 or 0.", null, labels);
        this.availability = sysroot.exists(MOUNTINFO) ? Availability.AVAILABLE : Availability.unavailable(sysroot.resolve(MOUNTINFO) + " is missing");
    }

    @Override
    public String name() {
        return "filesystem";
    }

    @Override
    public Availability availability() {
        return availability;
    }

    @Override
    public void collect() throws IOException, InterruptedException {
        long now = clockMs.getAsLong();
        if (!mountsRead || now - mountsReadAtMs >= MOUNT_TABLE_EVERY_MS) {
            readMountTable();
            mountsRead = true;
            mountsReadAtMs = now;
        }
        Map<Watched, Future<FileSystemSpace>> asked = new LinkedHashMap<>();
        for (Watched mount : watched.values()) {
            Future<FileSystemSpace> stuck = unanswered.get(mount.mount().mountPoint());
            if (stuck != null && !stuck.isDone()) {
                publish(mount, null);
                continue;
            }
            unanswered.remove(mount.mount().mountPoint());
            asked.put(mount, askers.submit(() -> reader.read(mount.path())));
        }
        long deadline = System.nanoTime() + ANSWER_WITHIN.toNanos();
        for (Map.Entry<Watched, Future<FileSystemSpace>> ask : asked.entrySet()) {
            publish(ask.getKey(), answer(ask.getKey(), ask.getValue(), deadline));
        }
    }

    private FileSystemSpace answer(Watched mount, Future<FileSystemSpace> future, long deadlineNanos) throws InterruptedException {
        try {
            return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            unanswered.put(mount.mount().mountPoint(), future);
            return null;
        } catch (ExecutionException e) {
            sysroot.diagnostics().warn(mount.mount().mountPoint(), "file system space not read: " + e.getCause().getMessage());
            return null;
        }
    }

    private void publish(Watched mount, FileSystemSpace space) {
        String[] labels = mount.labels().toArray(String[]::new);
        if (space == null) {
            families.forEach(f -> f.series(labels).set(Double.NaN));
            deviceError.series(labels).set(1);
            return;
        }
        double[] values = {space.sizeBytes(), space.freeBytes(), space.availableBytes(), space.files(), space.filesFree()};
        for (int i = 0; i < values.length; i++) {
            families.get(i).series(labels).set(values[i]);
        }
        readOnly.series(labels).set(space.readOnly() ? 1 : 0);
        deviceError.series(labels).set(0);
    }

    private void readMountTable() throws IOException {
        String text = sysroot.read(MOUNTINFO).orElseThrow(() -> new IOException(sysroot.resolve(MOUNTINFO) + " cannot be read"));
        List<MountEntry> mounts;
        try {
            mounts = WatchedMounts.of(MountTableParser.parseMountinfo(text));
        } catch (ParseException e) {
            throw new IOException(sysroot.resolve(MOUNTINFO) + ": " + e.getMessage(), e);
        }
        Map<String, Watched> next = new LinkedHashMap<>();
        for (MountEntry mount : mounts) {
            Watched known = watched.get(mount.mountPoint());
            boolean same = known != null && known.mount().source().equals(mount.source()) && known.mount().fsType().equals(mount.fsType());
            next.put(mount.mountPoint(), same ? known
                    : new Watched(mount, List.of(mount.mountPoint(), mount.source(), mount.fsType()), sysroot.resolve(mount.mountPoint())));
        }
        List<Watched> gone = new ArrayList<>(watched.values());
        gone.removeAll(next.values());
        for (Watched old : gone) {
            families.forEach(f -> f.remove(old.labels()));
            readOnly.remove(old.labels());
            deviceError.remove(old.labels());
        }
        watched = next;
    }

    @Override
    public void close() {
        askers.shutdownNow();
    }
}
