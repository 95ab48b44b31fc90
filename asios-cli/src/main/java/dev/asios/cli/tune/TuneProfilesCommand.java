package dev.asios.cli.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.asios.tune.profile.ProfileSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code asios tune profiles}: the built-in and the user's profiles, each validated. */
@Command(name = "profiles", mixinStandardHelpOptions = true, description = "Lists the profiles (built in and yours), validating each one.")
public final class TuneProfilesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProfileOptions profiles;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        List<ProfileSummary> all = profiles.loader().list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode array = new ObjectMapper().createArrayNode();
            all.forEach(p -> array.addObject().put("name", p.name()).put("description", p.description())
                    .put("source", p.source().name().toLowerCase()).put("file", p.file()));
            out.println(array.toPrettyString());
        } else {
            all.forEach(p -> out.printf("  %-14s %-9s %s%n", p.name(), p.source().name().toLowerCase(), p.description()));
        }
        out.flush();
        return 0;
    }
}
