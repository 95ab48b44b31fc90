package dev.asios.bench.network;

import dev.asios.bench.BenchException;
import dev.asios.run.command.BoundedCommand;
import dev.asios.run.command.CommandFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two network namespaces joined by a veth pair, made by {@link #create} and removed by
 * {@link #close}: the receiving namespace holds {@value #RECEIVER_ADDRESS}/30, the sending one
 * {@value #SENDER_ADDRESS}/30, both ends and both loopbacks up. Namespace names carry the process
 * id and a counter, so runs side by side do not collide; the veth ends are made inside the
 * namespaces, so their names need not be unique on the host. Removing a namespace removes the veth
 * end in it, and with it the pair. Not thread-safe; one owner creates and closes it.
 */
final class VethNamespaces implements AutoCloseable {

    /** The receiver's address inside its namespace. */
    static final String RECEIVER_ADDRESS = "10.231.0.1";

    /** The sender's address inside its namespace. */
    static final String SENDER_ADDRESS = "10.231.0.2";

    private static final String RECEIVER_LINK = "asios-rx";
    private static final String SENDER_LINK = "asios-tx";
    private static final Duration IP_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final String ip;
    private final String receiverNamespace;
    private final String senderNamespace;
    private final List<String> created = new ArrayList<>();

    private VethNamespaces(Path ip, String suffix) {
        this.ip = ip.toString();
        this.receiverNamespace = "asios-bench-a-" + suffix;
        this.senderNamespace = "asios-bench-b-" + suffix;
    }

    /**
     * Makes the namespaces and the pair with {@code ip}; on any failure removes what it made.
     *
     * @throws BenchException if a step fails, most often for want of root (the message says so and
     *     quotes {@code ip})
     */
    static VethNamespaces create(Path ip) throws BenchException {
        VethNamespaces veth = new VethNamespaces(ip, ProcessHandle.current().pid() + "-" + RUNS.getAndIncrement());
        try {
            veth.build();
            return veth;
        } catch (CommandFailure e) {
            String cleanup = veth.removeAll();
            throw new BenchException("the veth path could not make its network namespaces (that needs root, or CAP_SYS_ADMIN and CAP_NET_ADMIN): "
                    + e.getMessage() + cleanup);
        }
    }

    private void build() throws CommandFailure {
        for (String namespace : List.of(receiverNamespace, senderNamespace)) {
            ip("netns", "add", namespace);
            created.add(namespace);
        }
        ip("link", "add", RECEIVER_LINK, "netns", receiverNamespace, "type", "veth", "peer", "name", SENDER_LINK, "netns", senderNamespace);
        ip("-n", receiverNamespace, "addr", "add", RECEIVER_ADDRESS + "/30", "dev", RECEIVER_LINK);
        ip("-n", senderNamespace, "addr", "add", SENDER_ADDRESS + "/30", "dev", SENDER_LINK);
        for (String[] end : new String[][] {{receiverNamespace, RECEIVER_LINK}, {senderNamespace, SENDER_LINK}}) {
            ip("-n", end[0], "link", "set", "lo", "up");
            ip("-n", end[0], "link", "set", end[1], "up");
        }
    }

    /** The namespaces' names, receiver first. */
    List<String> namespaces() {
        return List.of(receiverNamespace, senderNamespace);
    }

    /** The receiver in the first namespace, the sender in the second, over the veth pair. */
    Endpoints endpoints() {
        return new Endpoints(List.of(ip, "netns", "exec", receiverNamespace), List.of(ip, "netns", "exec", senderNamespace), RECEIVER_ADDRESS,
                "veth pair from namespace " + senderNamespace + " (" + SENDER_ADDRESS + ") to " + receiverNamespace + " (" + RECEIVER_ADDRESS + ")");
    }

    /**
     * Removes both namespaces, and with them the veth pair; tries each, reports all failures at once.
     *
     * @throws BenchException if a namespace could not be removed (named in the message)
     */
    @Override
    public void close() throws BenchException {
        String failures = removeAll();
        if (!failures.isEmpty()) {
            throw new BenchException("could not remove the network namespaces of the veth path:" + failures);
        }
    }

    private String removeAll() {
        StringBuilder failures = new StringBuilder();
        for (String namespace : List.copyOf(created).reversed()) {
            try {
                ip("netns", "delete", namespace);
                created.remove(namespace);
            } catch (CommandFailure e) {
                failures.append("; ").append(e.getMessage());
            }
        }
        return failures.toString();
    }

    private void ip(String... arguments) throws CommandFailure {
        List<String> argv = new ArrayList<>();
        argv.add(ip);
        argv.addAll(List.of(arguments));
        BoundedCommand.run(argv, IP_TIMEOUT);
    }
}
