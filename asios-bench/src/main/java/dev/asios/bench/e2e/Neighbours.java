package dev.asios.bench.e2e;

import java.util.Arrays;
import java.util.Optional;

/** What runs beside the e2e inference server, on the CPUs its workers leave free. */
public enum Neighbours {
    /** Nothing: the server alone. */
    NONE("none"),
    /** CPU and memory hogs from stress-ng ({@link StressNgNeighbours}). */
    STRESS_NG("stress-ng");

    private final String cliName;

    Neighbours(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line: {@code none} or {@code stress-ng}. */
    public String cliName() {
        return cliName;
    }

    /** The neighbours named {@code name} on the command line; empty for an unknown name. */
    public static Optional<Neighbours> ofCliName(String name) {
        return Arrays.stream(values()).filter(n -> n.cliName.equals(name)).findFirst();
    }
}
