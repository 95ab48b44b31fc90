package dev.asios.bench.network;

import dev.asios.bench.child.MainArgs;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The receiving end of {@link TcpStreamProbe}, run as its own process so that it can run inside a
 * network namespace ({@code ip netns exec NS java ... TcpSink ...}).
 *
 * <p>Arguments: {@code ADDRESS STREAMS WARMUP_MS DURATION_MS CPUS}. It listens on an ephemeral TCP
 * port of {@code ADDRESS} (an IP literal) and prints {@code listening PORT}; accepts {@code
 * STREAMS} connections; reads each on its own platform thread into a 128 KiB direct buffer and
 * discards the data; lets {@code WARMUP_MS} pass; then counts the bytes read over {@code
 * DURATION_MS}, prints {@code received BYTES bytes in NANOS ns} (the window as measured by {@link
 * System#nanoTime}), closes the connections and exits 0. {@code CPUS} is a CPU list to pin the
 * reading threads to, or {@code -}. On a bad argument, a failed socket, or a stream that ended before
 * the window did, it prints {@code error MESSAGE} and exits 1. Socket buffers are left to the
 * kernel's autotuning.
 */
public final class TcpSink {

    /** The size of one read, in bytes; the same as iperf3's default TCP block. */
    static final int BLOCK_BYTES = 128 * 1024;

    private static final List<String> USAGE = List.of("ADDRESS", "STREAMS", "WARMUP_MS", "DURATION_MS", "CPUS");

    private TcpSink() {
    }

    /** Runs the receiver as described above; ends the JVM with status 0 or 1. */
    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            String[] checked = MainArgs.expect(args, "TcpSink", USAGE);
            InetAddress address = InetAddress.ofLiteral(checked[0]);
            int streams = MainArgs.intIn(checked[1], "STREAMS", 1, 128);
            int warmupMs = MainArgs.intIn(checked[2], "WARMUP_MS", 0, 600_000);
            int durationMs = MainArgs.intIn(checked[3], "DURATION_MS", 1, 600_000);
            MainArgs.pinTo(checked[4]);
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress(address, 0), streams);
                out.println(ProbeLines.listening(((InetSocketAddress) server.getLocalAddress()).getPort()));
                out.flush();
                List<SocketChannel> channels = new ArrayList<>();
                for (int i = 0; i < streams; i++) {
                    channels.add(server.accept());
                }
                out.println(measure(channels, warmupMs, durationMs));
            }
            out.flush();
            System.exit(0);
        } catch (IOException | RuntimeException | InterruptedException e) {
            out.println(ProbeLines.error(e.getMessage() == null ? e.toString() : e.getMessage()));
            out.flush();
            System.exit(1);
        }
    }

    private static String measure(List<SocketChannel> channels, int warmupMs, int durationMs) throws InterruptedException, IOException {
        AtomicLong[] counters = new AtomicLong[channels.size()];
        AtomicInteger ended = new AtomicInteger();
        for (int i = 0; i < counters.length; i++) {
            AtomicLong counter = new AtomicLong();
            SocketChannel channel = channels.get(i);
            counters[i] = counter;
            Thread.ofPlatform().daemon().name("tcp-sink-" + i).start(() -> drain(channel, counter, ended));
        }
        Thread.sleep(warmupMs);
        long startBytes = sum(counters);
        long startNs = System.nanoTime();
        Thread.sleep(durationMs);
        long endBytes = sum(counters);
        long endNs = System.nanoTime();
        int endedEarly = ended.get();
        for (SocketChannel channel : channels) {
            channel.close();
        }
        if (endedEarly > 0) {
            throw new IOException(endedEarly + " of " + channels.size() + " streams ended before the measured window did");
        }
        return ProbeLines.received(endBytes - startBytes, endNs - startNs);
    }

    private static void drain(SocketChannel channel, AtomicLong counter, AtomicInteger ended) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BLOCK_BYTES);
        try {
            while (true) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    break;
                }
                counter.setOpaque(counter.getPlain() + read);
            }
        } catch (IOException e) {
            // a reset by the sender, or the close that ends the window: counted as an end below
        }
        ended.incrementAndGet();
    }

    private static long sum(AtomicLong[] counters) {
        long total = 0;
        for (AtomicLong counter : counters) {
            total += counter.getOpaque();
        }
        return total;
    }
}
