package dev.asios.agent.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditValue;
import java.time.Instant;

/**
 * An audit event as JSON, the same for {@code /api/v1/events} and {@code asios events --json}:
 * sequence, time (epoch ms and ISO), actor, type, subject, why, and where present the
 * remediation, before and after (a string or an object of strings), mode, undo and outcome.
 * Stateless.
 */
public final class AuditEventJson {

    private AuditEventJson() {
    }

    /** The event as a JSON object. */
    public static ObjectNode render(AuditEvent event) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("sequence", event.sequence());
        node.put("time", event.epochMs());
        node.put("at", Instant.ofEpochMilli(event.epochMs()).toString());
        node.put("actor", event.actor());
        node.put("type", event.type().wireName());
        node.put("subject", event.subject());
        node.put("why", event.why());
        if (event.remediation() != null) {
            node.put("remediation", event.remediation().wireName());
        }
        value(node, "before", event.before());
        value(node, "after", event.after());
        if (event.mode() != null) {
            node.put("mode", event.mode().wireName());
        }
        if (event.undoRef() != null) {
            node.put("undo", event.undoRef());
        }
        if (event.outcome() != null) {
            node.put("outcome", event.outcome());
        }
        return node;
    }

    private static void value(ObjectNode node, String field, AuditValue value) {
        switch (value) {
            case null -> { }
            case AuditValue.Text text -> node.put(field, text.text());
            case AuditValue.Fields fields -> {
                ObjectNode object = node.putObject(field);
                fields.fields().forEach(object::put);
            }
        }
    }
}
