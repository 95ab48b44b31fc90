package dev.asios.health.audit;

import dev.asios.health.audit.AuditLineCodec.AuditLine;
import dev.asios.health.audit.AuditLineCodec.LineHeader;
import dev.asios.host.parse.ParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks an audit log's files oldest first and checks its hash chain: every line must carry the
 * SHA-256 of the line before it, across files. Collects the breaks, the highest event number, the
 * breaks earlier {@code log-damaged} events already recorded, and the active file's torn last
 * line. Tolerant: it never stops at damage; the link out of an unreadable line, already a break
 * itself, is not checked. Not thread-safe; one verifier per open.
 */
final class ChainVerifier {

    /** The field of a {@code log-damaged} event's {@code after} that lists the hashes of the lines it reported. */
    static final String BREAKS_FIELD = "breaks";

    private static final byte[] LOG_DAMAGED = ("\"type\":\"" + AuditEventType.LOG_DAMAGED.wireName() + "\"").getBytes(StandardCharsets.US_ASCII);
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d{1,19})");
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z-]{1,40})\"");
    private static final Pattern SUBJECT = Pattern.compile("\"subject\":\"((?:[^\"\\\\]|\\\\.){1,200})\"");

    private final List<ChainBreak> breaks = new ArrayList<>();
    private final Set<String> recorded = new HashSet<>();
    private String previousHash;
    private boolean previousUnreadable;
    private long linesRead;
    private long lastSequence;
    private LineScanner.Line torn;
    private String tornFile;

    /** Checks {@code file}; {@code active} when it is the file being written, whose unterminated last line is torn. */
    void file(Path file, boolean active) throws IOException {
        String name = file.getFileName().toString();
        LineScanner.scan(file, true, line -> {
            if (active && !line.terminated()) {
                torn = line.copy();
                tornFile = name;
            } else {
                check(name, line);
            }
            return true;
        });
    }

    /** The torn last line of the active file, if it has one. */
    Optional<LineScanner.Line> torn() {
        return Optional.ofNullable(torn);
    }

    /** The hash of the last whole line read, or the genesis hash for an empty log. */
    String lastHash() {
        return previousHash == null ? AuditLineCodec.GENESIS : previousHash;
    }

    /** What was found; {@code tornLine} describes the torn line the caller cut, if it cut one. */
    AuditLogCheck result(Optional<String> tornLine) {
        List<ChainBreak> fresh = breaks.stream().filter(b -> !recorded.contains(b.lineSha256())).toList();
        return new AuditLogCheck(linesRead, lastSequence, fresh, breaks.size() - fresh.size(), tornLine);
    }

    /** What the torn line held, in words: its length and, as far as it got, its event's number, type and subject. */
    String describeTorn() {
        String text = new String(torn.buffer(), 0, torn.length(), StandardCharsets.UTF_8);
        Optional<String> seq = group(SEQ, text);
        String what = seq.map(n -> "the start of event " + n + group(TYPE, text).map(t -> " (" + t + group(SUBJECT, text).map(s -> " on " + s).orElse("") + ")")
                .orElse("")).orElse("a line that names no event");
        return torn.lengthBytes() + " bytes at the end of " + tornFile + ", " + what + ", written as the agent stopped";
    }

    private void check(String file, LineScanner.Line line) {
        linesRead++;
        String expected = previousUnreadable ? null : previousHash;
        previousHash = line.sha256();
        previousUnreadable = true;
        LineHeader header = read(file, line);
        if (header == null) {
            return;
        }
        previousUnreadable = false;
        lastSequence = Math.max(lastSequence, header.sequence());
        String reason = null;
        if (expected == null && linesRead == 1 && header.sequence() == 1 && !header.prev().equals(AuditLineCodec.GENESIS)) {
            reason = "the first event does not start the chain: it was changed";
        } else if (expected != null && !header.prev().equals(expected)) {
            reason = line.number() == 1 ? "does not follow the last line of the file before it: a file was removed or changed"
                    : "does not carry the hash of the line before it: that line was changed, or lines were removed or inserted between them";
        }
        if (reason != null) {
            breaks.add(new ChainBreak(file, line.number(), header.sequence(), line.sha256(), reason));
        }
    }

    /**
     * The line's number and {@code prev}: from its header alone when it has the writer's shape (a
     * change inside it then breaks the chain at the next line), else from a full parse; and the
     * breaks a {@code log-damaged} event records. Null, and a break, for a line that is no event.
     */
    private LineHeader read(String file, LineScanner.Line line) {
        if (line.tooLong()) {
            breaks.add(new ChainBreak(file, line.number(), 0, line.sha256(), "longer than any audit line (" + line.lengthBytes() + " bytes)"));
            return null;
        }
        LineHeader header = AuditLineCodec.header(line.buffer(), line.length());
        if (header != null && !contains(line, LOG_DAMAGED)) {
            return header;
        }
        try {
            AuditLine parsed = AuditLineCodec.parse(line.buffer(), line.length());
            AuditEvent event = parsed.event();
            if (event.type() == AuditEventType.LOG_DAMAGED && event.after() instanceof AuditValue.Fields fields && fields.fields().containsKey(BREAKS_FIELD)) {
                recorded.addAll(Arrays.asList(fields.fields().get(BREAKS_FIELD).split(" ")));
            }
            return new LineHeader(event.sequence(), event.epochMs(), parsed.prev());
        } catch (ParseException e) {
            breaks.add(new ChainBreak(file, line.number(), 0, line.sha256(), "not an audit event: " + e.getMessage()));
            return null;
        }
    }

    /** Whether the line holds {@code pattern}; a quote inside a JSON string is escaped, so a match is the line's own field. */
    private static boolean contains(LineScanner.Line line, byte[] pattern) {
        for (int i = 0; i + pattern.length <= line.length(); i++) {
            if (Arrays.equals(line.buffer(), i, i + pattern.length, pattern, 0, pattern.length)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
