package dev.asios.observe.kerneltext;

import dev.asios.host.parse.ParseException;
import java.io.IOException;

/**
 * One file (or one set of files) of a {@link PartsCollector}. Not thread-safe: the collector
 * thread only.
 */
public interface CollectorPart {

    /**
     * Reads the part's files and sets its series.
     *
     * @throws IOException if a file it needs is missing or unreadable
     * @throws ParseException if a file has an unexpected format; the message names the file
     */
    void collect() throws IOException;
}
