package dev.asios.bench.network;

import dev.asios.bench.child.MainArgs;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The sending end of {@link TcpStreamProbe}, run as its own process so that it can run inside a
 * network namespace ({@code ip netns exec NS java ... TcpSource ...}).
 *
 * <p>Arguments: {@code ADDRESS PORT STREAMS LIMIT_MS CPUS}. It opens {@code STREAMS} TCP
 * connections to {@code ADDRESS:PORT} (Nagle's algorithm on, that is {@code TCP_NODELAY} off;
 * socket buffers left to autotuning), then writes 128 KiB blocks from a direct buffer through each,
 * on its own platform thread, until the receiver closes the connection or {@code LIMIT_MS} have
 * passed; then exits 0. It prints {@code connected STREAMS} once all connections are open. {@code CPUS} is a CPU list to pin the writing threads to, or {@code -}. If
 * an argument is bad or a connection cannot be opened it prints {@code error MESSAGE} and exits 1.
 * A write that fails once connected ends that stream quietly: the receiver's count is the
 * measurement, and the receiver reports a stream that ended too early.
 */
public final class TcpSource {

    private static final List<String> USAGE = List.of("ADDRESS", "PORT", "STREAMS", "LIMIT_MS", "CPUS");

    private TcpSource() {
    }

    /** Runs the sender as described above; ends the JVM with status 0 or 1. */
    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            String[] checked = MainArgs.expect(args, "TcpSource", USAGE);
            InetAddress address = InetAddress.ofLiteral(checked[0]);
            int port = MainArgs.intIn(checked[1], "PORT", 1, 65535);
            int streams = MainArgs.intIn(checked[2], "STREAMS", 1, 128);
            long limitNs = MainArgs.intIn(checked[3], "LIMIT_MS", 1, 1_200_000) * 1_000_000L;
            MainArgs.pinTo(checked[4]);
            long deadlineNs = System.nanoTime() + limitNs;
            List<Thread> writers = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress(address, port));
                channel.setOption(StandardSocketOptions.TCP_NODELAY, false);
                writers.add(Thread.ofPlatform().name("tcp-source-" + i).start(() -> fill(channel, deadlineNs)));
            }
            out.println(ProbeLines.connected(streams));
            out.flush();
            for (Thread writer : writers) {
                writer.join();
            }
            System.exit(0);
        } catch (IOException | RuntimeException | InterruptedException e) {
            out.println(ProbeLines.error(e.getMessage() == null ? e.toString() : e.getMessage()));
            out.flush();
            System.exit(1);
        }
    }

    private static void fill(SocketChannel channel, long deadlineNs) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(TcpSink.BLOCK_BYTES);
        try (channel) {
            while (System.nanoTime() - deadlineNs < 0) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException e) {
            // the receiver closed the connection: its window is over
        }
    }
}
