package dev.asios.tune.imports;

import java.io.Serial;

/**
 * A tuned setting has no ASIOS equivalent, or a value ASIOS cannot take; the message says why.
 * Thrown by a {@link Mapping} and turned into a {@link SkippedSetting} by the importer, never
 * seen outside this package.
 */
final class Unmapped extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    Unmapped(String reason) {
        super(reason, null, false, false);
    }
}
