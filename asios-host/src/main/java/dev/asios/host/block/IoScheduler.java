package dev.asios.host.block;

import java.util.List;

/**
 * The I/O scheduler of a block device's request queue. Immutable.
 *
 * @param active the scheduler in use, for example {@code none} or {@code mq-deadline}
 * @param available the schedulers the queue may switch to, in the kernel's order (the active one
 *     included)
 */
public record IoScheduler(String active, List<String> available) {

    /** Creates an immutable copy. */
    public IoScheduler {
        available = List.copyOf(available);
    }
}
