package dev.asios.agent.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.agent.api.ApiRoutes;
import dev.asios.agent.http.HttpApiServer;
import dev.asios.agent.http.HttpStatusException;
import dev.asios.agent.http.Request;
import dev.asios.agent.http.Response;
import dev.asios.agent.json.AuditEventJson;
import dev.asios.health.anomaly.Anomaly;
import dev.asios.health.anomaly.DetectorStatus;
import dev.asios.health.anomaly.Expectation;
import dev.asios.health.anomaly.SignalAttribution;
import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditPage;
import dev.asios.health.audit.AuditQuery;
import dev.asios.health.forecast.AccuracyReport;
import dev.asios.health.forecast.ExhaustionFinding;
import dev.asios.health.forecast.HeldBackAccuracy;
import dev.asios.health.rules.RuleFinding;
import java.util.EnumSet;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The health endpoints: {@code /api/v1/events} (the audit log, filtered),
 * {@code /api/v1/anomalies} (the learned detectors: ongoing and recent anomalies, and each
 * detector's state), {@code /api/v1/forecasts} (the exhaustion forecasts, each with its accuracy on held-back history) and
 * {@code /api/v1/heal} (the policy in force and the active known-cause findings). Read-only, like
 * the rest of the API.
 */
public final class HealthRoutes {

    private final HealthMonitor health;
    private final ObjectMapper mapper = new ObjectMapper();

    /** Routes over {@code health}. */
    public HealthRoutes(HealthMonitor health) {
        this.health = health;
    }

    /** Adds the routes to {@code server}. */
    public void install(HttpApiServer server) {
        server.route(ApiRoutes.PREFIX + "/events", this::events);
        server.route(ApiRoutes.PREFIX + "/anomalies", this::anomalies);
        server.route(ApiRoutes.PREFIX + "/heal", this::heal);
        server.route(ApiRoutes.PREFIX + "/forecasts", this::forecasts);
    }

    private Response events(Request request) {
        request.allowOnly(Set.of("since", "until", "type", "subject", "after", "limit", "order"));
        AuditQuery query = AuditQuery.all().withLimit((int) request.longParameter("limit", AuditQuery.DEFAULT_LIMIT, 1, AuditQuery.MAX_LIMIT))
                .withSince(request.longParameter("since", 0, 0, Long.MAX_VALUE / 2))
                .withUntil(request.longParameter("until", Long.MAX_VALUE / 2, 0, Long.MAX_VALUE / 2))
                .withAfterSequence(request.longParameter("after", 0, 0, Long.MAX_VALUE / 2))
                .withSubjectPrefix(request.parameter("subject").orElse(""))
                .withNewestFirst(!request.parameter("order").map(HealthRoutes::oldestFirst).orElse(false));
        if (request.parameter("type").isPresent()) {
            query = query.withTypes(types(request.required("type")));
        }
        AuditPage page = health.audit().query(query);
        ObjectNode root = mapper.createObjectNode().put("more", page.more()).put("unreadableLines", page.unreadableLines());
        ArrayNode events = root.putArray("events");
        for (AuditEvent event : page.events()) {
            events.add(AuditEventJson.render(event));
        }
        return ApiRoutes.json(mapper, root);
    }

    private static boolean oldestFirst(String order) {
        return switch (order) {
            case "oldest" -> true;
            case "newest" -> false;
            default -> throw HttpStatusException.badRequest("query parameter 'order' must be newest or oldest, got '" + order + "'");
        };
    }

    /** Audit event types by wire name, comma-separated; a 400 naming the known ones otherwise. */
    static Set<AuditEventType> types(String text) {
        Set<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
        for (String name : text.split(",")) {
            types.add(AuditEventType.fromWireName(name.strip()).orElseThrow(() -> HttpStatusException.badRequest("unknown event type '" + name.strip()
                    + "'; known: " + String.join(", ", EnumSet.allOf(AuditEventType.class).stream().map(AuditEventType::wireName).toList()))));
        }
        return types;
    }

    private Response anomalies(Request request) {
        request.allowOnly(Set.of());
        ObjectNode root = mapper.createObjectNode();
        ArrayNode ongoing = root.putArray("ongoing");
        health.anomalies().ongoing().forEach(a -> ongoing.add(anomaly(a)));
        ArrayNode recent = root.putArray("recent");
        health.anomalies().recent().forEach(a -> recent.add(anomaly(a)));
        ArrayNode detectors = root.putArray("detectors");
        for (DetectorStatus status : health.anomalies().detectors()) {
            detectors.addObject().put("group", status.groupId()).put("warmingUp", status.warmingUp()).put("roundsFed", status.roundsFed())
                    .put("roundsSkipped", status.roundsSkipped()).put("state", status.describe());
        }
        return ApiRoutes.json(mapper, root);
    }

    private ObjectNode anomaly(Anomaly anomaly) {
        ObjectNode node = mapper.createObjectNode().put("group", anomaly.groupId()).put("start", anomaly.startEpochMs())
                .put("last", anomaly.lastEpochMs()).put("state", anomaly.lifecycle().name().toLowerCase(Locale.ROOT))
                .put("anomalousRounds", anomaly.anomalousRounds()).put("peakGrade", anomaly.peakGrade()).put("peakAt", anomaly.peakEpochMs());
        anomaly.endEpochMs().ifPresent(end -> node.put("end", end));
        ArrayNode contributors = node.putArray("contributors");
        for (SignalAttribution signal : anomaly.topContributors(5)) {
            contributors.addObject().put("signal", signal.signal()).put("share", signal.share());
        }
        anomaly.expectationAtPeak().ifPresent(expectation -> {
            ArrayNode values = node.putArray("expected");
            for (Expectation.ExpectedValue value : expectation.values()) {
                values.addObject().put("signal", value.signal()).put("expected", value.expected()).put("observed", value.observed());
            }
        });
        return node;
    }

    private Response forecasts(Request request) {
        request.allowOnly(Set.of());
        ObjectNode root = mapper.createObjectNode().put("state", health.forecastState());
        ArrayNode findings = root.putArray("findings");
        for (ExhaustionFinding finding : health.forecasts().findings()) {
            ObjectNode node = findings.addObject().put("target", finding.targetId()).put("status", finding.status().name().toLowerCase(Locale.ROOT))
                    .put("text", finding.text()).put("at", finding.atMs()).put("unit", finding.unit()).put("horizonSeconds", finding.horizonSeconds())
                    .put("bandCoverage", finding.bandCoverage()).put("bandCalibrated", finding.bandCalibrated());
            optional(node, "current", finding.currentValue());
            optional(node, "limit", finding.limit());
            optional(node, "secondsToLimit", finding.secondsToLimit());
            optional(node, "bandEarliestSeconds", finding.bandEarliestSeconds());
            optional(node, "bandLatestSeconds", finding.bandLatestSeconds());
            health.forecastAccuracy(finding.targetId()).ifPresent(accuracy -> accuracy(node.putObject("accuracy"), accuracy));
        }
        return ApiRoutes.json(mapper, root);
    }

    /** The held-back check: when, at which horizon, and the scores (or why there are none). */
    private static void accuracy(ObjectNode node, HeldBackAccuracy accuracy) {
        node.put("checkedAt", accuracy.checkedAtMs());
        if (accuracy.report().isEmpty()) {
            node.put("unavailable", accuracy.unavailable());
            return;
        }
        AccuracyReport report = accuracy.report().get();
        node.put("horizonSeconds", report.horizonSteps() * report.stepMs() / 1000).put("trainSteps", report.trainSteps())
                .put("heldBackSteps", report.steps() - report.trainSteps()).put("scored", report.origins());
        optional(node, "mae", OptionalDouble.of(report.mae()));
        optional(node, "naiveMae", OptionalDouble.of(report.naiveMae()));
        optional(node, "mase", OptionalDouble.of(report.mase()));
        optional(node, "ratioToNaive", OptionalDouble.of(report.ratioToNaive()));
        optional(node, "bandCoverage", OptionalDouble.of(report.coverage()));
        node.put("nominalBandCoverage", report.nominalCoverage());
    }

    private static void optional(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
            node.put(field, value.getAsDouble());
        } else {
            node.putNull(field);
        }
    }

    private Response heal(Request request) {
        request.allowOnly(Set.of());
        ObjectNode root = mapper.createObjectNode();
        root.put("mode", health.policy().mode().wireName()).put("policy", health.policy().source());
        ObjectNode remediations = root.putObject("remediations");
        health.policy().summary().forEach(remediations::put);
        ArrayNode findings = root.putArray("findings");
        for (RuleFinding finding : health.findings()) {
            ObjectNode node = findings.addObject().put("id", finding.id()).put("rule", finding.ruleId()).put("subject", finding.subject())
                    .put("severity", finding.severity().name().toLowerCase(Locale.ROOT)).put("evidence", finding.evidence())
                    .put("since", finding.startedAtMs()).put("remediation", finding.remediation().map(k -> k.wireName()).orElse(null));
            ObjectNode details = node.putObject("details");
            finding.details().forEach(details::put);
        }
        root.put("roundsDropped", health.roundsDropped()).put("failures", health.failures()).put("lastFailure", health.lastFailure());
        return ApiRoutes.json(mapper, root);
    }
}
