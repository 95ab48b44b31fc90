package dev.asios.agent.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.run.store.RestartInfo;
import dev.asios.run.store.RunRecord;
import java.io.IOException;

/** The JSON form of a recorded run, shared by {@code asios runs --json} and the agent's API. */
public final class RunRecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunRecordJson() {
    }

    /**
     * One run: id, state, times, command, cgroups, its placement and its restart declaration and
     * links ({@code restart}: {@code declared}, {@code restartedFrom}, {@code attempt},
     * {@code restartedAs}, {@code stoppedByOperator}).
     *
     * @throws IOException if the stored placement is not JSON
     */
    public static ObjectNode render(RunRecord run) throws IOException {
        ObjectNode node = JSON.createObjectNode().put("id", run.id()).put("state", run.state().name().toLowerCase(java.util.Locale.ROOT))
                .put("startedAt", run.startedAt().toString()).put("endedAt", run.endedAt().map(Object::toString).orElse(null))
                .put("supervisorPid", run.supervisorPid());
        if (run.exitCode().isPresent()) {
            node.put("exitCode", run.exitCode().getAsInt());
        }
        run.command().forEach(node.putArray("command")::add);
        run.cgroups().forEach(node.putArray("cgroups")::add);
        node.set("placement", JSON.readTree(run.placement()));
        RestartInfo restart = run.restart();
        ObjectNode links = node.putObject("restart").put("declared", restart.declared()).put("attempt", restart.attempt())
                .put("stoppedByOperator", restart.stoppedByOperator());
        restart.restartedFrom().ifPresent(from -> links.put("restartedFrom", from));
        restart.restartedAs().ifPresent(as -> links.put("restartedAs", as));
        return node;
    }
}
