package dev.asios.run.launch;

import dev.asios.host.numa.MeminfoParser;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the peak resident memory ({@code VmHWM} of {@code /proc/PID/status}) of a run's main
 * process while it runs, every {@value #PERIOD_MS} ms, on a virtual thread. {@code getrusage}
 * cannot give it: a process the JVM starts shares the JVM's memory until it {@code exec}s, and
 * the kernel keeps that size as the child's {@code ru_maxrss}. {@code VmHWM} belongs to the
 * program's own memory after {@code exec}, and only grows, so the last sample is at most
 * {@value #PERIOD_MS} ms of growth short of the true peak. Thread-safe.
 */
final class PeakRssSampler implements AutoCloseable {

    static final long PERIOD_MS = 20;

    private final AtomicLong peakBytes = new AtomicLong(-1);
    private final Thread thread;

    private PeakRssSampler(Sysroot sysroot, long pid) {
        this.thread = Thread.ofVirtual().name("asios-run-rss").start(() -> {
            String file = "/proc/" + pid + "/status";
            while (!Thread.currentThread().isInterrupted()) {
                sample(sysroot, file);
                try {
                    Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Starts sampling process {@code pid}. */
    static PeakRssSampler start(Sysroot sysroot, long pid) {
        return new PeakRssSampler(sysroot, pid);
    }

    /** The highest {@code VmHWM} seen, in KiB; empty when no sample was taken. */
    OptionalLong peakKib() {
        long bytes = peakBytes.get();
        return bytes < 0 ? OptionalLong.empty() : OptionalLong.of(bytes / 1024);
    }

    private void sample(Sysroot sysroot, String file) {
        try {
            sysroot.read(file).map(MeminfoParser::parse).map(fields -> fields.get("VmHWM"))
                    .ifPresent(hwm -> peakBytes.accumulateAndGet(hwm, Math::max));
        } catch (ParseException e) {
            // A process that is exiting shows a status without memory lines: nothing to sample.
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
