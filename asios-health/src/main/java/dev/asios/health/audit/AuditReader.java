package dev.asios.health.audit;

import dev.asios.host.parse.ParseException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads an audit log's events from its folder, filtered by an {@link AuditQuery}, without writing
 * anything: what {@code asios events} uses, whether or not an agent is writing the log. Tolerant:
 * a line that is not an audit event is skipped and counted, and an unterminated last line (being
 * written, or torn) is left out. A read that races a rotation by a running agent may miss the
 * events of that moment; the agent's own reads ({@link AuditLog#query}) do not. Stateless.
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
                if (!collector.file(file)) {
                    break;
                }
            }
            return new AuditPage(collector.events, collector.more, collector.unreadable);
        } catch (IOException e) {
            throw new AuditException("cannot read the audit log in " + dir + " (" + e + "); check the folder's permissions", e);
        }
    }

    /** Collects matches file by file: oldest first line by line, newest first a file's matches reversed. */
    private static final class Collector {

        private final AuditQuery query;
        private final List<AuditEvent> events = new ArrayList<>();
        private boolean more;
        private long unreadable;

        Collector(AuditQuery query) {
            this.query = query;
        }

        /** Reads one file; whether to go on to the next. */
        boolean file(Path file) throws IOException {
            List<AuditEvent> matches = new ArrayList<>();
            LineScanner.scan(file, line -> {
                if (!line.terminated()) {
                    return false;
                }
                try {
                    AuditEvent event = AuditLineCodec.parse(line.bytes(), line.bytes().length).event();
                    if (query.matches(event)) {
                        matches.add(event);
                    }
                } catch (ParseException e) {
                    unreadable++;
                }
                return query.newestFirst() || events.size() + matches.size() <= query.limit();
            });
            if (query.newestFirst()) {
                Collections.reverse(matches);
            }
            for (AuditEvent event : matches) {
                if (events.size() == query.limit()) {
                    more = true;
                    return false;
                }
                events.add(event);
            }
            return true;
        }
    }
}
