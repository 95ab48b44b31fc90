package dev.asios.bench.network;

import java.util.Locale;

/** The path a TCP stream takes between its two endpoints. */
public enum NetworkPath {
    /** Both ends on 127.0.0.1 in the caller's network namespace. */
    LOOPBACK,
    /**
     * A veth pair between two network namespaces made for the run (10.231.0.1/30 receives,
     * 10.231.0.2/30 sends) and removed afterwards; needs root and iproute2's {@code ip}.
     */
    VETH;

    /** The name on the command line: {@code loopback} or {@code veth}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
