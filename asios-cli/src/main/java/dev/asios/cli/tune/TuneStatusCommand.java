package dev.asios.cli.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.tune.apply.TuneStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code asios tune status}: the active profiles and a drift summary. Works without root. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows the active profiles, when they were applied, and how many settings drifted.")
public final class TuneStatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TuneOptions options;

    @Override
    public Integer call() {
        TuneStatus status = TuneStatus.read(options.sysroot(), options.journal);
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.println(toJson(status, false).toPrettyString());
        } else if (status.inactive()) {
            out.println("no profile active (journal " + options.journal + ")");
        } else {
            out.println("active: " + String.join(" + ", status.profiles()) + ", applied " + status.appliedAt().orElse("?"));
            out.println("  " + status.files().size() + " settings, " + status.drifted().size() + " drifted"
                    + (status.drifted().isEmpty() ? "" : ": run 'asios tune verify' for the list, 'asios tune repair' to fix"));
        }
        out.flush();
        return 0;
    }

    /** The status as JSON; with {@code perFile}, every file's state. */
    static ObjectNode toJson(TuneStatus status, boolean perFile) {
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
