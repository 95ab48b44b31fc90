package dev.asios.observe.collect;

import dev.asios.host.parse.ByteText;
import dev.asios.host.sysroot.Sysroot;
import java.lang.management.ManagementFactory;

/**
 * Measures what a collector allocates per collection on the calling thread, after warm-up, for
 * tests; and what reading one file through {@link Sysroot#readInto} costs (opening a file
 * allocates a path and a channel), so that a test can assert that a collection allocates nothing
 * beyond the files it opens.
 */
public final class AllocationMeter {

    private static final int WARM_UP = 200;
    private static final int MEASURED = 100;

    /** Something measured. */
    @FunctionalInterface
    public interface Action {
        /** Does it once. */
        void run() throws Exception;
    }

    private AllocationMeter() {
    }

    /** Bytes allocated per {@link Collector#collect()}, averaged over 100 calls after 200 to warm up. */
    public static long bytesPerCollection(Collector collector) throws Exception {
        return bytesPerCall(collector::collect);
    }

    /** Bytes allocated by one {@link Sysroot#readInto} of {@code hostPath}, averaged likewise. */
    public static long bytesPerRead(Sysroot sysroot, String hostPath) throws Exception {
        ByteText buffer = new ByteText();
        return bytesPerCall(() -> sysroot.readInto(hostPath, buffer));
    }

    /** Bytes allocated per call of {@code action}, averaged over 100 calls after 200 to warm up. */
    public static long bytesPerCall(Action action) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARM_UP; i++) {
            action.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED; i++) {
            action.run();
        }
        return (threads.getCurrentThreadAllocatedBytes() - before) / MEASURED;
    }
}
