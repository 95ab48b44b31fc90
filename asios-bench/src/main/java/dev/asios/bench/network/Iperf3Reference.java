package dev.asios.bench.network;

import dev.asios.bench.child.ChildProcess;
import dev.asios.host.parse.ParseException;
import dev.asios.run.command.BoundedCommand;
import dev.asios.run.command.CommandFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * iperf3 on the same path as {@link TcpStreamProbe}: a one-shot server ({@code iperf3 -s -1 -p
 * PORT}) on the receiving side, and a client ({@code iperf3 -c HOST -p PORT -t SECONDS -O 1 -P
 * STREAMS -J}) on the sending side, each through the {@link Endpoints}' prefixes. The port is a
 * free ephemeral port of this namespace, picked per round. With pinning, each side gets {@code -A}
 * with the first CPU of its set (iperf3 3.12 runs all streams on one thread). Immutable and
 * thread-safe.
 */
final class Iperf3Reference {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration SERVER_EXIT = Duration.ofSeconds(5);

    private final Path iperf3;
    private final Endpoints endpoints;
    private final int streams;
    private final Pinning pinning;

    /** iperf3 at {@code iperf3}, with {@code streams} parallel streams between {@code endpoints}, pinned as {@code pinning}. */
    Iperf3Reference(Path iperf3, Endpoints endpoints, int streams, Pinning pinning) {
        this.iperf3 = iperf3;
        this.endpoints = endpoints;
        this.streams = streams;
        this.pinning = pinning;
    }

    /** The server's command on {@code port}, as run. */
    List<String> serverCommand(int port) {
        List<String> argv = new ArrayList<>(List.of(iperf3.toString(), "-s", "-1", "-p", Integer.toString(port), "--forceflush"));
        if (pinning.pinned()) {
            argv.addAll(List.of("-A", Integer.toString(pinning.receiverCpus().first())));
        }
        return endpoints.onReceiver(argv);
    }

    /** The client's command to {@code port} for {@code duration} (whole seconds), as run. */
    List<String> clientCommand(int port, Duration duration) {
        List<String> argv = new ArrayList<>(List.of(iperf3.toString(), "-c", endpoints.receiverAddress(), "-p", Integer.toString(port),
                "-t", Long.toString(duration.toSeconds()), "-O", "1", "-P", Integer.toString(streams), "-J"));
        if (pinning.pinned()) {
            argv.addAll(List.of("-A", Integer.toString(pinning.senderCpus().first())));
        }
        return endpoints.onSender(argv);
    }

    /**
     * One round's number and the commands that measured it.
     *
     * @param bitsPerSecond the receiver's throughput, in bits per second
     * @param serverCommand the server's command, as run
     * @param clientCommand the client's command, as run
     */
    record Round(double bitsPerSecond, List<String> serverCommand, List<String> clientCommand) {
    }

    /**
     * Runs one round on a fresh port.
     *
     * @param duration the counted time, in whole seconds; one more second runs first, omitted
     * @throws CommandFailure if the server or the client cannot run, or iperf3's report is not one
     *     (the message says why)
     */
    Round measure(Duration duration) throws CommandFailure {
        int port = freePort();
        List<String> serverCommand = serverCommand(port);
        List<String> clientCommand = clientCommand(port, duration);
        try (ChildProcess server = ChildProcess.start(serverCommand)) {
            server.awaitLine(line -> line.startsWith("Server listening"), START_TIMEOUT);
            String json = BoundedCommand.run(clientCommand, duration.plusSeconds(1).plus(GRACE));
            double bitsPerSecond = Iperf3JsonParser.receivedBitsPerSecond(json);
            server.awaitSuccess(SERVER_EXIT);
            return new Round(bitsPerSecond, serverCommand, clientCommand);
        } catch (ParseException e) {
            throw new CommandFailure("iperf3's report is unusable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("iperf3 was interrupted");
        }
    }

    /** The iperf3 server's port for the next round: free in this namespace, and so in the fresh ones of the veth path. */
    private static int freePort() throws CommandFailure {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new CommandFailure("no free TCP port for iperf3: " + e.getMessage());
        }
    }
}
