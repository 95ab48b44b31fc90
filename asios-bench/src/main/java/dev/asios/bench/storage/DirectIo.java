package dev.asios.bench.storage;

import dev.asios.bench.BenchException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One sequential pass over the test file with {@code O_DIRECT}: each of the settings' threads opens
 * the file itself, takes its own region ({@code threads} equal parts, in order) and reads or
 * writes it front to back, one block at a time, with positional I/O from a buffer aligned to the
 * file system's block size. The clock starts when every thread has opened the file and allocated
 * its buffer, and stops when the last one is done; for a write, after an {@code fsync} of the file.
 * Stateless; each call uses its own threads.
 */
final class DirectIo {

    /** Which way a pass goes. */
    enum Pass { WRITE, READ }

    // The JDK's O_DIRECT option, com.sun.nio.file.ExtendedOpenOption.DIRECT (module jdk.unsupported), reached
    // by reflection as javac warns of it by name; empty on a JDK without it.
    private static final Optional<OpenOption> DIRECT = direct();

    private DirectIo() {
    }

    /**
     * Runs one pass and returns its time in nanoseconds.
     *
     * @throws BenchException naming {@code --dir} if the file system refuses {@code O_DIRECT}, or
     *     the I/O fails; if the calling thread is interrupted
     */
    static long run(TestFile file, StorageSettings settings, Pass pass) throws BenchException {
        int align = file.blockSizeBytes();
        try (FileChannel sync = open(file, pass)) {
            return timed(file, settings, pass, align, sync);
        } catch (IOException e) {
            throw failed(file, pass, e);
        }
    }

    private static long timed(TestFile file, StorageSettings settings, Pass pass, int align, FileChannel sync) throws BenchException {
        CountDownLatch ready = new CountDownLatch(settings.threads());
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < settings.threads(); i++) {
            long offset = i * settings.regionBytes();
            workers.add(Thread.ofPlatform().name("asios-storage-" + name(pass) + "-" + i).start(() -> {
                try {
                    region(file.path(), settings, pass, align, offset, ready, go);
                } catch (IOException | InterruptedException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                    ready.countDown();
                }
            }));
        }
        try {
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            if (pass == Pass.WRITE) {
                sync.force(true);
            }
            long elapsed = System.nanoTime() - start;
            if (failure.get() != null) {
                throw failed(file, pass, failure.get());
            }
            return elapsed;
        } catch (IOException e) {
            throw failed(file, pass, e);
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new BenchException("the storage " + name(pass) + " pass was interrupted", e);
        } finally {
            go.countDown();
            joinQuietly(workers);
        }
    }

    private static void region(Path path, StorageSettings settings, Pass pass, int align, long offset, CountDownLatch ready, CountDownLatch go)
            throws IOException, InterruptedException {
        try (Arena arena = Arena.ofConfined(); FileChannel channel = FileChannel.open(path, options(pass))) {
            MemorySegment block = arena.allocate(settings.blockBytes(), align);
            SplittableRandom random = new SplittableRandom(offset);
            for (long i = 0; i < block.byteSize(); i += Long.BYTES) {
                block.set(ValueLayout.JAVA_LONG_UNALIGNED, i, random.nextLong());
            }
            ByteBuffer buffer = block.asByteBuffer();
            ready.countDown();
            go.await();
            for (long done = 0; done < settings.regionBytes(); done += settings.blockBytes()) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    long position = offset + done + buffer.position();
                    if ((pass == Pass.WRITE ? channel.write(buffer, position) : channel.read(buffer, position)) < 0) {
                        throw new IOException("the file ends at " + position + ", before its " + settings.sizeBytes() + " bytes");
                    }
                }
            }
        }
    }

    private static FileChannel open(TestFile file, Pass pass) throws BenchException {
        if (DIRECT.isEmpty()) {
            throw new BenchException("this JDK has no O_DIRECT option (com.sun.nio.file.ExtendedOpenOption.DIRECT in module jdk.unsupported)");
        }
        try {
            return FileChannel.open(file.path(), options(pass));
        } catch (IOException | UnsupportedOperationException e) {
            throw new BenchException("--dir " + file.path().getParent() + " is on a file system (" + file.fileSystem()
                    + ") that refuses O_DIRECT, so its device cannot be measured apart from the page cache: " + e, e);
        }
    }

    private static BenchException failed(TestFile file, Pass pass, Exception cause) {
        return new BenchException("--dir " + file.path().getParent() + ": the O_DIRECT " + name(pass) + " of " + file.path() + " failed: " + cause, cause);
    }

    private static Set<OpenOption> options(Pass pass) {
        return Set.of(pass == Pass.WRITE ? StandardOpenOption.WRITE : StandardOpenOption.READ, DIRECT.orElseThrow());
    }

    private static Optional<OpenOption> direct() {
        try {
            return Arrays.stream(Class.forName("com.sun.nio.file.ExtendedOpenOption").getEnumConstants())
                    .map(OpenOption.class::cast).filter(option -> option.toString().equals("DIRECT")).findFirst();
        } catch (ClassNotFoundException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static String name(Pass pass) {
        return pass.name().toLowerCase(Locale.ROOT);
    }

    private static void joinQuietly(List<Thread> workers) {
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
