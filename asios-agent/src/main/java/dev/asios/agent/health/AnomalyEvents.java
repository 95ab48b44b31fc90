package dev.asios.agent.health;

import dev.asios.health.anomaly.Anomaly;
import dev.asios.health.anomaly.AnomalyListener;
import dev.asios.health.anomaly.DetectorEvent;
import dev.asios.health.anomaly.Expectation;
import dev.asios.health.anomaly.SignalAttribution;
import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditLog;
import dev.asios.health.audit.AuditValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Records the learned detectors' anomalies in the audit log: when one starts (its grade, the
 * signals that contributed most, expected against observed) and when it ends; and a detector that
 * could not be saved. Thread-safe as the audit log is.
 */
final class AnomalyEvents implements AnomalyListener {

    private final AuditLog audit;

    AnomalyEvents(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void started(Anomaly anomaly) {
        audit.append(AuditEvent.builder(AuditEvent.HEAL, AuditEventType.ANOMALY_STARTED, anomaly.groupId(), describe(anomaly))
                .after(AuditValue.of(details(anomaly))));
    }

    @Override
    public void ended(Anomaly anomaly) {
        audit.append(AuditEvent.builder(AuditEvent.HEAL, AuditEventType.ANOMALY_ENDED, anomaly.groupId(), describe(anomaly))
                .after(AuditValue.of(details(anomaly))).outcome(anomaly.lifecycle().name().toLowerCase(Locale.ROOT) + " after "
                        + anomaly.anomalousRounds() + " anomalous round(s)"));
    }

    @Override
    public void detectorChanged(DetectorEvent event) {
        if (event.kind() == DetectorEvent.Kind.SAVE_FAILED) {
            audit.append(AuditEvent.builder(AuditEvent.HEAL, AuditEventType.FINDING, event.groupId(), event.reason())
                    .outcome("detector " + event.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
    }

    /** "grade 0.83; busy_ratio 61%, iowait_ratio 22%". */
    private static String describe(Anomaly anomaly) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "anomaly, peak grade %.2f", anomaly.peakGrade()));
        for (SignalAttribution signal : anomaly.topContributors(3)) {
            text.append(String.format(Locale.ROOT, "; %s %.0f%%", signal.signal(), 100 * signal.share()));
        }
        return text.toString();
    }

    private static Map<String, String> details(Anomaly anomaly) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("peak-grade", String.format(Locale.ROOT, "%.3f", anomaly.peakGrade()));
        details.put("peak-at", java.time.Instant.ofEpochMilli(anomaly.peakEpochMs()).toString());
        anomaly.expectationAtPeak().ifPresent(expectation -> {
            for (Expectation.ExpectedValue value : expectation.values()) {
                details.put(value.signal(), String.format(Locale.ROOT, "observed %.4g, expected %.4g", value.observed(), value.expected()));
            }
        });
        return details;
    }
}
