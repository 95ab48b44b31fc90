package dev.asios.host.parse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable buffer for a kernel text file and a cursor over it, for collectors that read the
 * same files every second and must not allocate a {@code String} per read. The buffer grows to
 * the largest file read into it and is then reused.
 *
 * <p>The cursor works line by line: {@link #nextLine()} moves to the next line, then
 * {@link #nextLong()}, {@link #skipWord()} and {@link #wordEquals(String)} take the
 * space-separated words of that line from left to right, and {@link #wordIndex(String[])} tells
 * which of several keys a word is. Nothing here allocates except
 * {@link #nextWord()} and the growth of the buffer.
 *
 * <p>Not thread-safe: one per collector thread.
 */
public final class ByteText {

    private static final int INITIAL_BYTES = 4096;

    private byte[] bytes;
    private int length;
    private int lineStart;
    private int lineEnd;
    private int position;

    /** An empty buffer. */
    public ByteText() {
        this.bytes = new byte[INITIAL_BYTES];
        rewind();
    }

    /** A buffer holding {@code text}, for tests and for parsers given a string. */
    public static ByteText of(String text) {
        ByteText buffer = new ByteText();
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        buffer.bytes = Arrays.copyOf(encoded, Math.max(encoded.length, 1));
        buffer.length = encoded.length;
        buffer.rewind();
        return buffer;
    }

    /**
     * Replaces the content with everything {@code channel} delivers until its end, and rewinds.
     *
     * @throws IOException as the channel throws it
     */
    public void fill(ReadableByteChannel channel) throws IOException {
        length = 0;
        while (true) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            int read = channel.read(ByteBuffer.wrap(bytes, length, bytes.length - length));
            if (read < 0) {
                break;
            }
            length += read;
        }
        rewind();
    }

    /** Empties the buffer. */
    public void clear() {
        length = 0;
        rewind();
    }

    /** Moves the cursor before the first line. */
    public void rewind() {
        lineStart = 0;
        lineEnd = -1;
        position = 0;
    }

    /** The number of bytes held. */
    public int length() {
        return length;
    }

    /** True if nothing but white space is held. */
    public boolean isBlank() {
        for (int i = 0; i < length; i++) {
            if (!isSpace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    /** Moves to the next line; false at the end of the text. */
    public boolean nextLine() {
        int start = lineEnd + 1;
        if (start >= length) {
            lineStart = length;
            lineEnd = length;
            position = length;
            return false;
        }
        int end = start;
        while (end < length && bytes[end] != '\n') {
            end++;
        }
        lineStart = start;
        lineEnd = end;
        position = start;
        return true;
    }

    /** True if the current line, from its first byte, starts with {@code prefix} (ASCII). */
    public boolean lineStartsWith(String prefix) {
        return lineEnd - lineStart >= prefix.length() && regionEquals(lineStart, prefix);
    }

    /**
     * Moves the cursor just past the last {@code c} on the current line, as past the command
     * name in {@code /proc/PID/stat} ({@code 42 (a) b) S 1 ...}); false if the line has none.
     */
    public boolean skipPastLast(char c) {
        for (int i = lineEnd - 1; i >= lineStart; i--) {
            if (bytes[i] == c) {
                position = i + 1;
                return true;
            }
        }
        return false;
    }

    /** True if another word is left on the current line. */
    public boolean hasWord() {
        skipSpaces();
        return position < lineEnd;
    }

    /** Skips the next word of the current line; false if none was left. */
    public boolean skipWord() {
        if (!hasWord()) {
            return false;
        }
        while (position < lineEnd && !isSpace(bytes[position])) {
            position++;
        }
        return true;
    }

    /**
     * True if the next word is exactly {@code word} (ASCII); the cursor moves past it either way,
     * unless no word was left.
     */
    public boolean wordEquals(String word) {
        if (!hasWord()) {
            return false;
        }
        int start = position;
        skipWord();
        return position - start == word.length() && regionEquals(start, word);
    }

    /**
     * Reads the next word of the current line and returns its index in {@code words}, or -1 if it
     * is none of them or no word is left; the cursor moves past the word. For lines that start with
     * a known key ({@code MemTotal:}, {@code pgfault}, {@code NET_RX:}) without allocating.
     */
    public int nextWordIndex(String[] words) {
        if (!hasWord()) {
            return -1;
        }
        int start = position;
        skipWord();
        int wordLength = position - start;
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() == wordLength && regionEquals(start, words[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * True if the next word of the current line is a decimal integer as {@link #nextLong()} reads
     * it (optionally negative, optionally ending in {@code :}); the cursor stays. A number too large
     * for a {@code long} passes here and fails in {@link #nextLong()}.
     */
    public boolean hasLong() {
        if (!hasWord()) {
            return false;
        }
        int i = bytes[position] == '-' ? position + 1 : position;
        int digitsStart = i;
        while (i < lineEnd && bytes[i] >= '0' && bytes[i] <= '9') {
            i++;
        }
        if (i < lineEnd && bytes[i] == ':' && i > digitsStart) {
            i++;
        }
        return i > digitsStart && (i == lineEnd || isSpace(bytes[i]));
    }

    /**
     * The number in the next word, which is {@code prefix} followed by a decimal integer: 12 for
     * {@code cpu12} with prefix {@code cpu}, 3 for {@code CPU3}. The cursor moves past the word.
     *
     * @throws ParseException if no word is left, or the word is not {@code prefix} followed by a
     *     digit, or the number does not fit a {@code long}; the message quotes the line
     */
    public long nextLongAfterPrefix(String prefix) {
        if (!hasWord()) {
            throw new ParseException("expected '" + prefix + "N' at the end of line '" + currentLine() + "'");
        }
        int start = position;
        int digits = start + prefix.length();
        if (digits >= lineEnd || !regionEquals(start, prefix) || bytes[digits] < '0' || bytes[digits] > '9') {
            skipWord();
            throw new ParseException("expected '" + prefix + "N', found '" + new String(bytes, start, position - start, StandardCharsets.UTF_8)
                    + "' in line '" + currentLine() + "'");
        }
        position = digits;
        return nextLong();
    }

    /** The next word of the current line as a string (this allocates), or empty if none is left. */
    public String nextWord() {
        if (!hasWord()) {
            return "";
        }
        int start = position;
        skipWord();
        return new String(bytes, start, position - start, StandardCharsets.UTF_8);
    }

    /** The rest of the current line after the cursor, stripped (this allocates). */
    public String restOfLine() {
        skipSpaces();
        int end = lineEnd;
        while (end > position && isSpace(bytes[end - 1])) {
            end--;
        }
        String rest = new String(bytes, position, end - position, StandardCharsets.UTF_8);
        position = lineEnd;
        return rest;
    }

    /**
     * The next word as a decimal integer, optionally negative. A word that ends in {@code :} (as
     * in {@code 24:}) is read without the colon.
     *
     * @throws ParseException if no word is left or the word is not a decimal integer that fits a
     *     {@code long}; the message quotes the line
     */
    public long nextLong() {
        if (!hasWord()) {
            throw new ParseException("expected a number at the end of line '" + currentLine() + "'");
        }
        int start = position;
        boolean negative = bytes[position] == '-';
        if (negative) {
            position++;
        }
        long value = 0;
        int digits = 0;
        while (position < lineEnd && bytes[position] >= '0' && bytes[position] <= '9') {
            if (value > (Long.MAX_VALUE - 9) / 10) {
                throw new ParseException("number out of range in line '" + currentLine() + "'");
            }
            value = value * 10 + (bytes[position] - '0');
            position++;
            digits++;
        }
        if (position < lineEnd && bytes[position] == ':') {
            position++;
        }
        if (digits == 0 || position < lineEnd && !isSpace(bytes[position])) {
            position = start;
            skipWord();
            throw new ParseException("expected a number, found '" + new String(bytes, start, position - start, StandardCharsets.UTF_8)
                    + "' in line '" + currentLine() + "'");
        }
        return negative ? -value : value;
    }

    /**
     * The decimal integer that follows {@code key} on the current line, as {@code total=} in
     * {@code some avg10=0.00 total=1234}; the cursor moves past it.
     *
     * @throws ParseException if the line has no {@code key} or no integer after it
     */
    public long longAfter(String key) {
        for (int start = lineStart; start + key.length() <= lineEnd; start++) {
            if (regionEquals(start, key)) {
                position = start + key.length();
                if (position >= lineEnd || isSpace(bytes[position])) {
                    break;
                }
                int wordStart = position;
                while (position < lineEnd && !isSpace(bytes[position])) {
                    position++;
                }
                int wordEnd = position;
                position = wordStart;
                int savedEnd = lineEnd;
                lineEnd = wordEnd;
                try {
                    return nextLong();
                } finally {
                    lineEnd = savedEnd;
                }
            }
        }
        throw new ParseException("expected '" + key + "' and a number in line '" + currentLine() + "'");
    }

    /** The current line, cut to 80 characters, for messages (this allocates). */
    public String currentLine() {
        int end = Math.min(lineEnd, lineStart + 80);
        return new String(bytes, lineStart, Math.max(0, end - lineStart), StandardCharsets.UTF_8).strip();
    }

    private boolean regionEquals(int start, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (bytes[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void skipSpaces() {
        while (position < lineEnd && isSpace(bytes[position])) {
            position++;
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0;
    }
}
