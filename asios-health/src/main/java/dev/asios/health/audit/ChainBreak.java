package dev.asios.health.audit;

/**
 * A place where the audit log's hash chain breaks: a line that does not carry the hash of the line
 * before it, or a line that is not an audit event at all.
 *
 * @param file the file's name ({@code events.1.jsonl})
 * @param lineNumber the 1-based line in the file
 * @param sequence the line's event number, or 0 when the line is unreadable
 * @param lineSha256 the line's own SHA-256: how a {@code log-damaged} event names the break it reported
 * @param reason what is wrong, in words
 */
public record ChainBreak(String file, long lineNumber, long sequence, String lineSha256, String reason) {

    /** {@code events.1.jsonl line 57 (event 1234): reason}. */
    @Override
    public String toString() {
        return file + " line " + lineNumber + (sequence > 0 ? " (event " + sequence + ")" : "") + ": " + reason;
    }
}
