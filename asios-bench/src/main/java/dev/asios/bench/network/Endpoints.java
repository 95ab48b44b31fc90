package dev.asios.bench.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the two ends of a stream run: the command prefix that starts a process on the receiving
 * side and on the sending side (empty to run it as is, {@code ip netns exec NS} to run it in a
 * namespace), the address the receiver listens on, and a few words that describe the path.
 * Immutable.
 *
 * @param receiverPrefix the words put before a receiver's command
 * @param senderPrefix the words put before a sender's command
 * @param receiverAddress the receiver's IPv4 address, as the sender connects to it
 * @param description the path in words, for a measurement's method
 */
record Endpoints(List<String> receiverPrefix, List<String> senderPrefix, String receiverAddress, String description) {

    /** Creates an immutable copy. */
    Endpoints {
        receiverPrefix = List.copyOf(receiverPrefix);
        senderPrefix = List.copyOf(senderPrefix);
    }

    /** Both ends in this namespace, over 127.0.0.1. */
    static Endpoints loopback() {
        return new Endpoints(List.of(), List.of(), "127.0.0.1", "loopback (127.0.0.1)");
    }

    /** {@code command} as the receiving side runs it. */
    List<String> onReceiver(List<String> command) {
        return join(receiverPrefix, command);
    }

    /** {@code command} as the sending side runs it. */
    List<String> onSender(List<String> command) {
        return join(senderPrefix, command);
    }

    private static List<String> join(List<String> prefix, List<String> command) {
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(command);
        return List.copyOf(argv);
    }
}
