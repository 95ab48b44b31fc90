package dev.asios.cli.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.asios.agent.health.HealthMonitor;
import dev.asios.agent.json.AuditEventJson;
import dev.asios.agent.store.StateDirectory;
import dev.asios.cli.DurationOption;
import dev.asios.cli.Privileges;
import dev.asios.cli.UserException;
import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditPage;
import dev.asios.health.audit.AuditQuery;
import dev.asios.health.audit.AuditReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code asios events}: the agent's audit log, oldest first: findings that started or cleared,
 * anomalies, and every remediation proposed, carried out, refused or skipped, with before, after
 * and how to undo it. Reads the log's files, so it works whether or not the agent runs.
 */
@Command(name = "events", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the agent's audit log: findings, anomalies and remediations (proposed, applied, failed, refused), oldest first.",
            "Works whether or not 'asios up' runs."})
public final class EventsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--state", paramLabel = "DIR", description = "The agent's state folder. Default: /var/lib/asios as root, else ~/.local/share/asios.")
    private Path state;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only events of the last DURATION (30s, 10m, 2h). Default: all.")
    private String since;

    @Option(names = "--type", paramLabel = "TYPE", split = ",", description = "Only these types, for example remediation-applied,finding.")
    private List<String> types;

    @Option(names = "--subject", paramLabel = "PREFIX", description = "Only subjects starting with PREFIX: cpu/3, gpu/, tuning.")
    private String subject;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "The newest N events at most. Default: ${DEFAULT-VALUE}.")
    private int limit;

    @Option(names = "--follow", description = "Keep printing new events as the agent writes them, until Ctrl-C.")
    private boolean follow;

    @Option(names = "--json", description = "Print JSON: one array, or with --follow one object per line.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        Path dir = StateDirectory.choose(Optional.ofNullable(state), Privileges.root()).resolve(HealthMonitor.AUDIT_DIR);
        PrintWriter out = spec.commandLine().getOut();
        AuditQuery query = query();
        if (!Files.isDirectory(dir) && !follow) {
            out.println(json ? "[]" : "no audit log in " + dir + ": 'asios up' writes it");
            out.flush();
            return 0;
        }
        AuditPage page = AuditReader.read(dir, query);
        if (json && !follow) {
            ArrayNode events = JsonNodeFactory.instance.arrayNode();
            page.events().forEach(e -> events.add(AuditEventJson.render(e)));
            out.println(events.toPrettyString());
        } else {
            page.events().forEach(e -> print(e, out));
        }
        if (page.unreadableLines() > 0) {
            spec.commandLine().getErr().println("asios events: " + page.unreadableLines() + " line(s) of the log could not be read");
        }
        out.flush();
        long last = page.events().isEmpty() ? 0 : page.events().getLast().sequence();
        while (follow) {
            Thread.sleep(1000);
            for (AuditEvent event : AuditReader.read(dir, query.withAfterSequence(last).withLimit(AuditQuery.MAX_LIMIT)).events()) {
                print(event, out);
                last = event.sequence();
            }
            out.flush();
        }
        return 0;
    }

    private AuditQuery query() {
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw new UserException("--limit must be within 1.." + AuditQuery.MAX_LIMIT + ", got " + limit);
        }
        AuditQuery query = AuditQuery.all().withLimit(limit).withNewestFirst(false);
        if (since != null) {
            try {
                query = query.withSince(Instant.now().minus(DurationOption.parse("--since", since)).toEpochMilli());
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
        }
        if (subject != null) {
            query = query.withSubjectPrefix(subject);
        }
        if (types != null) {
            Set<AuditEventType> wanted = EnumSet.noneOf(AuditEventType.class);
            for (String name : types) {
                wanted.add(AuditEventType.fromWireName(name.strip()).orElseThrow(() -> new UserException("--type '" + name + "' is no event type; known: "
                        + String.join(", ", EnumSet.allOf(AuditEventType.class).stream().map(AuditEventType::wireName).toList()))));
            }
            query = query.withTypes(wanted);
        }
        return query;
    }

    private void print(AuditEvent event, PrintWriter out) {
        if (json) {
            out.println(AuditEventJson.render(event).toString());
            return;
        }
        StringBuilder line = new StringBuilder();
        line.append(Instant.ofEpochMilli(event.epochMs())).append("  #").append(event.sequence()).append("  ").append(event.type().wireName())
                .append("  ").append(event.subject());
        if (event.remediation() != null) {
            line.append("  ").append(event.remediation().wireName());
        }
        if (event.mode() != null) {
            line.append("  [").append(event.mode().wireName()).append(']');
        }
        line.append("\n    why: ").append(event.why());
        if (event.before() != null) {
            line.append("\n    before: ").append(event.before());
        }
        if (event.after() != null) {
            line.append("\n    after: ").append(event.after());
        }
        if (event.outcome() != null) {
            line.append("\n    outcome: ").append(event.outcome());
        }
        if (event.undoRef() != null) {
            line.append("\n    undo: ").append(event.undoRef());
        }
        out.println(line);
    }
}
