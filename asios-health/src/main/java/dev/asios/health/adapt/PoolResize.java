package dev.asios.health.adapt;

import dev.asios.health.audit.AuditEventType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a resize of a pool did, from the size asked and the size read back: the kernel may give
 * fewer pages than asked when free memory is short or too fragmented for whole hugepages.
 * Immutable.
 *
 * @param type {@code remediation-applied} when the size changed or took, {@code remediation-failed} otherwise
 * @param after the pages asked, got, and short (and the executor's error when not a shortfall), for the audit event
 * @param outcome the result in one sentence
 */
record PoolResize(AuditEventType type, Map<String, String> after, String outcome) {

    /**
     * The result of asking for {@code askedPages} in {@code pool}.
     *
     * @param gotPages the size read back, -1 when unreadable
     * @param error the tuning executor's error, if the write or its read-back failed
     */
    static PoolResize of(NodePool pool, long askedPages, long gotPages, Optional<String> error) {
        long shortfall = gotPages < 0 ? askedPages : Math.max(0, askedPages - gotPages);
        Map<String, String> after = new LinkedHashMap<>();
        after.put("asked-pages", String.valueOf(askedPages));
        after.put("pages", gotPages < 0 ? "unreadable" : String.valueOf(gotPages));
        after.put("shortfall-pages", String.valueOf(shortfall));
        error.filter(e -> shortfall == 0 || gotPages < 0).ifPresent(e -> after.put("error", e));
        String outcome;
        if (gotPages < 0) {
            outcome = pool.sizePath() + " is unreadable after the write";
        } else if (shortfall > 0) {
            outcome = "asked for " + askedPages + " pages in " + pool.subject() + ", the kernel gave " + gotPages + ": short by " + shortfall
                    + " (free memory too short or too fragmented for whole hugepages)";
        } else {
            outcome = "resized " + pool.subject() + " from " + pool.persistentPages() + " to " + gotPages + " pages";
        }
        boolean changed = gotPages >= 0 && gotPages != pool.persistentPages();
        AuditEventType type = changed || error.isEmpty() && gotPages >= 0 ? AuditEventType.REMEDIATION_APPLIED : AuditEventType.REMEDIATION_FAILED;
        return new PoolResize(type, Collections.unmodifiableMap(after), outcome);
    }
}
