package dev.asios.health.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads a file's lines as bytes, each with its SHA-256, without holding more than one line (of at
 * most {@link AuditLineCodec#MAX_LINE_BYTES}) in memory, however large or damaged the file. Not
 * thread-safe; one scanner per scan.
 */
final class LineScanner {

    /**
     * One line.
     *
     * @param number the 1-based line number in its file
     * @param offset where the line starts in the file, in bytes
     * @param bytes the line without its newline, cut at {@link AuditLineCodec#MAX_LINE_BYTES} when longer
     * @param lengthBytes the line's whole length without its newline
     * @param terminated whether a newline ends it (only a file's last line may lack one)
     * @param sha256 the SHA-256 of the whole line without its newline, lower-case hex
     */
    record Line(long number, long offset, byte[] bytes, long lengthBytes, boolean terminated, String sha256) {

        /** Whether the line is longer than any audit line may be. */
        boolean tooLong() {
            return lengthBytes > bytes.length;
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

    private LineScanner() {
        digest = AuditLineCodec.sha256Digest();
    }

    /** Gives {@code visitor} the lines of {@code file} until it answers false or the file ends. */
    static void scan(Path file, Visitor visitor) throws IOException {
        new LineScanner().run(file, visitor);
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
        digest.update(chunk, from, count);
        int kept = Math.min(count, buffer.length - buffered);
        System.arraycopy(chunk, from, buffer, buffered, kept);
        buffered += kept;
        lengthBytes += count;
    }

    private Line emit(boolean terminated) {
        number++;
        Line line = new Line(number, offset, Arrays.copyOf(buffer, buffered), lengthBytes, terminated, HexFormat.of().formatHex(digest.digest()));
        offset += lengthBytes + (terminated ? 1 : 0);
        buffered = 0;
        lengthBytes = 0;
        return line;
    }
}
