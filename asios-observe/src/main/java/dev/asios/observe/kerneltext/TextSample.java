package dev.asios.observe.kerneltext;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;

/**
 * A value parsed from a kernel text file that is refilled in place at every reading, so a
 * collector allocates nothing per interval. Implementations are pure parsers with state: the
 * value depends only on the last text given.
 *
 * <p>Not thread-safe: one per collector thread.
 */
public interface TextSample {

    /**
     * Replaces this value with what {@code text} holds, reading it from its first line.
     *
     * @throws ParseException if the text does not have the expected format; the message quotes the
     *     offending line. The value is then undefined until the next successful parse.
     */
    void parse(ByteText text);
}
