package dev.asios.tune.apply;

import java.util.Optional;

/**
 * What happened to one file in an apply or a rollback.
 *
 * @param path the host path
 * @param value the value written
 * @param error why it failed (the kernel refused the value, it read back different, the file
 *     went away); empty on success
 */
public record Outcome(String path, String value, Optional<String> error) {

    /** True when the file holds the value. */
    public boolean ok() {
        return error.isEmpty();
    }
}
