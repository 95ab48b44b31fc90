package dev.asios.health.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads a file's lines as bytes, with their SHA-256 when asked, without holding more than one line
 * (of at most {@link AuditLineCodec#MAX_LINE_BYTES}) in memory, however large or damaged the file.
 * The line's bytes are lent to the visitor: valid until it returns, copied with
 * {@link Line#copy()} to keep. Not thread-safe; one scanner per scan.
 */
final class LineScanner {

    /**
     * One line.
     *
     * @param number the 1-based line number in its file
     * @param offset where the line starts in the file, in bytes
     * @param buffer the line without its newline in {@code buffer[0..length)}, cut at
     *     {@link AuditLineCodec#MAX_LINE_BYTES} when longer; lent, reused for the next line
     * @param length how many bytes of {@code buffer} hold the line
     * @param lengthBytes the line's whole length without its newline
     * @param terminated whether a newline ends it (only a file's last line may lack one)
     * @param sha256 the SHA-256 of the whole line without its newline, lower-case hex; null when not asked for
     */
    record Line(long number, long offset, byte[] buffer, int length, long lengthBytes, boolean terminated, String sha256) {

        /** Whether the line is longer than any audit line may be. */
        boolean tooLong() {
            return lengthBytes > length;
        }

        /** The line with its bytes copied, to keep after the visit. */
        Line copy() {
            return new Line(number, offset, Arrays.copyOf(buffer, length), length, lengthBytes, terminated, sha256);
        }
    }

    /** Receives the lines in order; answers whether to go on. */
    @FunctionalInterface
    interface Visitor {
        boolean line(Line line);
    }

    private final MessageDigest digest;
    private final byte[] buffer = new byte[AuditLineCodec.MAX_LINE_BYTES];
    private int buffered;
    private long lengthBytes;
    private long offset;
    private long number;

    private LineScanner(boolean hash) {
        digest = hash ? AuditLineCodec.sha256Digest() : null;
    }

    /** Gives {@code visitor} the lines of {@code file}, hashed when {@code hash}, until it answers false or the file ends. */
    static void scan(Path file, boolean hash, Visitor visitor) throws IOException {
        new LineScanner(hash).run(file, visitor);
    }

    private void run(Path file, Visitor visitor) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(chunk); n > 0; n = in.read(chunk)) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        take(chunk, start, i - start);
                        if (!visitor.line(emit(true))) {
                            return;
                        }
                        start = i + 1;
                    }
                }
                take(chunk, start, n - start);
            }
        }
        if (lengthBytes > 0) {
            visitor.line(emit(false));
        }
    }

    private void take(byte[] chunk, int from, int count) {
        if (digest != null) {
            digest.update(chunk, from, count);
        }
        int kept = Math.min(count, buffer.length - buffered);
        System.arraycopy(chunk, from, buffer, buffered, kept);
        buffered += kept;
        lengthBytes += count;
    }

    private Line emit(boolean terminated) {
        number++;
        String sha256 = digest == null ? null : HexFormat.of().formatHex(digest.digest());
        Line line = new Line(number, offset, buffer, buffered, lengthBytes, terminated, sha256);
        offset += lengthBytes + (terminated ? 1 : 0);
        buffered = 0;
        lengthBytes = 0;
        return line;
    }
}
