package dev.asios.agent.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.tune.apply.TuneStatus;

/** The JSON form of the tuning status, shared by {@code asios tune status --json} and the agent's API. */
public final class TuneStatusJson {

    private TuneStatusJson() {
    }

    /** The status as JSON; with {@code perFile}, every file's state. */
    public static ObjectNode render(TuneStatus status, boolean perFile) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode profiles = root.putArray("profiles");
        status.profiles().forEach(profiles::add);
        root.put("appliedAt", status.appliedAt().orElse(null));
        root.put("settings", status.files().size());
        root.put("drifted", status.drifted().size());
        if (perFile) {
            ArrayNode files = root.putArray("files");
            for (TuneStatus.FileState f : status.files()) {
                files.addObject().put("operation", f.operation().name()).put("path", f.path()).put("applied", f.applied()).put("current", f.current().orElse(null))
                        .put("original", f.original()).put("drifted", f.drifted());
            }
        }
        return root;
    }
}
