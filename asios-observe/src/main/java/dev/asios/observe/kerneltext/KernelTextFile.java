package dev.asios.observe.kerneltext;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import java.io.IOException;

/**
 * One kernel text file that a collector reads every interval, through {@link Sysroot#readInto}
 * into a buffer shared by the collector's files, and parses into a {@link TextSample}. Errors name
 * the file, so the collector loop's message says which file was wrong.
 *
 * <p>Not thread-safe: the collector thread only.
 */
public final class KernelTextFile {

    private final Sysroot sysroot;
    private final String path;
    private final ByteText buffer;

    /**
     * The file at {@code hostPath} (absolute, such as {@code /proc/stat}).
     *
     * @param buffer the collector's reusable buffer, which every read overwrites
     */
    public KernelTextFile(Sysroot sysroot, String hostPath, ByteText buffer) {
        this.sysroot = sysroot;
        this.path = hostPath;
        this.buffer = buffer;
    }

    /** The host path. */
    public String path() {
        return path;
    }

    /**
     * Reads the file and parses it into {@code sample}.
     *
     * @throws IOException if the file is missing or unreadable
     * @throws ParseException if {@code sample} rejects the text; the message starts with the path
     */
    public void readInto(TextSample sample) throws IOException {
        if (!readIfPresent(sample)) {
            throw new IOException(path + " is missing or unreadable");
        }
    }

    /**
     * Reads the file and parses it into {@code sample}; false, leaving {@code sample} as it was,
     * if the file is missing or unreadable.
     *
     * @throws ParseException if {@code sample} rejects the text; the message starts with the path
     */
    public boolean readIfPresent(TextSample sample) {
        if (!sysroot.readInto(path, buffer)) {
            return false;
        }
        try {
            sample.parse(buffer);
        } catch (ParseException e) {
            throw new ParseException(path + ": " + e.getMessage());
        }
        return true;
    }
}
