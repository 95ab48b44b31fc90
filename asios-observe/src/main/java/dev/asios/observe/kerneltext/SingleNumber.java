package dev.asios.observe.kerneltext;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;

/**
 * The one decimal integer of a sysfs value file, such as {@code scaling_cur_freq} or
 * {@code nr_hugepages}. Not thread-safe.
 */
public final class SingleNumber implements TextSample {

    private long value;

    // Format: "2400000\n"
    /**
     * Reads the number.
     *
     * @throws ParseException if the file is empty, the first word is not an integer or more words
     *     follow it
     */
    @Override
    public void parse(ByteText text) {
        if (!text.nextLine() || !text.hasWord()) {
            throw new ParseException("empty file: expected one number");
        }
        value = text.nextLong();
        if (text.hasWord()) {
            throw new ParseException("expected one number, found more in line '" + text.currentLine() + "'");
        }
    }

    /** The number of the last successful parse. */
    public long value() {
        return value;
    }
}
