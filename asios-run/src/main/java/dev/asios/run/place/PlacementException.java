package dev.asios.run.place;

import java.io.Serial;
import java.util.Optional;

/**
 * A placement request that this host cannot meet, or that is malformed. The message says what
 * cannot be met and by how much ("asked 4 GPUs on one NUMA node; the best node has 2 free"); the
 * alternative, when there is one, is the nearest request that fits, written as the options of
 * {@code asios run} ("--gpus 2", "--numa preferred").
 */
public final class PlacementException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String alternative;

    /** A refusal without an alternative. */
    public PlacementException(String message) {
        this(message, null);
    }

    /** A refusal with the nearest request that fits; {@code alternative} may be null. */
    public PlacementException(String message, String alternative) {
        super(message);
        this.alternative = alternative;
    }

    /** The nearest request that fits, as {@code asios run} options, when there is one. */
    public Optional<String> alternative() {
        return Optional.ofNullable(alternative);
    }
}
