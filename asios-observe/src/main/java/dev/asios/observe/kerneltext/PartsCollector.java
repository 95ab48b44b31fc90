package dev.asios.observe.kerneltext;

import dev.asios.host.parse.ParseException;
import dev.asios.observe.collect.Availability;
import dev.asios.observe.collect.Collector;
import java.io.IOException;

/**
 * A collector made of parts, each one file or one set of files, whose availability is decided at
 * construction. A collection runs every part in order, even after one has failed, then throws the
 * first failure: the collector loop counts and reports it while the other parts' series stay
 * fresh.
 *
 * <p>Not thread-safe: one thread collects, the collector loop's (building it before the loop
 * starts is fine).
 */
public abstract class PartsCollector implements Collector {

    private final String name;
    private final Availability availability;
    private final CollectorPart[] parts;

    /**
     * A collector named {@code name}.
     *
     * @param parts run in this order
     */
    protected PartsCollector(String name, Availability availability, CollectorPart... parts) {
        this.name = name;
        this.availability = availability;
        this.parts = parts.clone();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Availability availability() {
        return availability;
    }

    /**
     * Runs every part.
     *
     * @throws IOException the first part's {@link IOException}, if it failed first
     * @throws ParseException the first part's {@link ParseException}, if it failed first
     */
    @Override
    public final void collect() throws IOException {
        Exception first = null;
        for (CollectorPart part : parts) {
            try {
                part.collect();
            } catch (IOException | ParseException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof ParseException parse) {
            throw parse;
        }
    }
}
