package dev.asios.health.audit;

import dev.asios.health.audit.AuditLineCodec.LineHeader;
import dev.asios.host.parse.ParseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Reads an audit log's events from its folder, filtered by an {@link AuditQuery}, without writing
 * anything: what {@code asios events} uses, whether or not an agent is writing the log. Tolerant:
 * a line that is not an audit event is skipped and counted, and an unterminated last line (being
 * written, or torn) is left out. A read that races a rotation by a running agent may miss the
 * events of that moment; the agent's own reads ({@link AuditLog#query}) do not.
 *
 * <p>Fast on a full log: lines are filtered on their number and time before they are parsed, and
 * newest first a file is read back from its end, so the newest events cost what they are, not
 * what the file is. Stateless.
 */
public final class AuditReader {

    private AuditReader() {
    }

    /**
     * The events of the log in {@code dir} that {@code query} selects; none when the folder does
     * not exist.
     *
     * @throws AuditException if a file cannot be read
     */
    public static AuditPage read(Path dir, AuditQuery query) {
        try {
            List<Path> files = new ArrayList<>(AuditFiles.oldestFirst(dir));
            if (query.newestFirst()) {
                Collections.reverse(files);
            }
            Collector collector = new Collector(query);
            for (Path file : files) {
                boolean goOn = query.newestFirst() ? collector.newestFirst(file) : collector.oldestFirst(file);
                if (!goOn) {
                    break;
                }
            }
            return new AuditPage(collector.events, collector.more, collector.unreadable);
        } catch (IOException e) {
            throw new AuditException("cannot read the audit log in " + dir + " (" + e + "); check the folder's permissions", e);
        }
    }

    /** Where lines start in a file and how long they are. */
    private static final class Positions {

        long[] offsets = new long[256];
        int[] lengths = new int[256];
        int count;

        void add(long offset, int length) {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            offsets[count] = offset;
            lengths[count++] = length;
        }
    }

    /** Collects the matches file by file, up to the limit. */
    private static final class Collector {

        private final AuditQuery query;
        private final List<AuditEvent> events = new ArrayList<>();
        private boolean more;
        private long unreadable;

        Collector(AuditQuery query) {
            this.query = query;
        }

        /** Reads a file from its first line; whether to go on to the next file. */
        boolean oldestFirst(Path file) throws IOException {
            LineScanner.scan(file, false, line -> line.terminated() && offer(line.buffer(), line.length()));
            return !more;
        }

        /** Reads a file from its last line: first where each line that may match is, then those lines, backwards. */
        boolean newestFirst(Path file) throws IOException {
            Positions positions = new Positions();
            LineScanner.scan(file, false, line -> {
                if (line.terminated() && mayMatch(line.buffer(), line.length())) {
                    positions.add(line.offset(), line.length());
                }
                return true;
            });
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate(AuditLineCodec.MAX_LINE_BYTES);
                for (int i = positions.count - 1; i >= 0; i--) {
                    buffer.clear().limit(positions.lengths[i]);
                    readFully(channel, buffer, positions.offsets[i]);
                    if (!offer(buffer.array(), buffer.position())) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Reads from {@code position} until the buffer is full or the file ends (cut since it was scanned: the line then reads as unreadable). */
        private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    return;
                }
            }
        }

        /** Whether the header of the line lets it match; a line without the writer's header may. */
        private boolean mayMatch(byte[] bytes, int length) {
            LineHeader header = AuditLineCodec.header(bytes, length);
            return header == null || query.mayMatch(header.sequence(), header.epochMs());
        }

        /** Parses and collects the line if it matches; whether there is room for more. */
        private boolean offer(byte[] bytes, int length) {
            if (!mayMatch(bytes, length)) {
                return true;
            }
            try {
                AuditEvent event = AuditLineCodec.parse(bytes, length).event();
                if (query.matches(event)) {
                    if (events.size() == query.limit()) {
                        more = true;
                        return false;
                    }
                    events.add(event);
                }
            } catch (ParseException e) {
                unreadable++;
            }
            return true;
        }
    }
}
