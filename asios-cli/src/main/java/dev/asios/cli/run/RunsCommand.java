package dev.asios.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.agent.json.RunRecordJson;
import dev.asios.cli.UserException;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.launch.CgroupLayout;
import dev.asios.run.launch.RunCleaner;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asios runs}: the recorded runs (with the run each restarts, and the restart attempt), one
 * run's report, stopping a run, and the clean-up after killed runs.
 */
@Command(name = "runs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the runs of asios run, newest first; with an ID, that run's report; with --stop ID, stops that run;"
            + " with --gc, cleans up after runs whose asios was killed.",
            "A run the agent restarted shows the run it restarts and its attempt in FROM (ID#N)."})
public final class RunsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions options;

    @Option(names = "--gc", description = "Remove the cgroups of runs whose asios is gone (killing what is left in them), mark those runs abandoned,"
            + " and remove the empty asios-runs parents. Needs root.")
    private boolean gc;

    @Option(names = "--stop", description = "Stop run ID: its supervisor (asios run, or the agent's restart of it) passes TERM on to it,"
            + " and the run is recorded as stopped by an operator, which the agent never restarts. Waits up to 30 s for it to end.")
    private boolean stop;

    @Option(names = "--limit", paramLabel = "N", description = "How many runs to list. Default: ${DEFAULT-VALUE}.", defaultValue = "20")
    private int limit;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "A run id: print its report.")
    private String id;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!gc && !Files.exists(options.state.resolve(RunStore.FILE))) {
            out.println(options.json ? "[]" : "no runs recorded (" + options.state.resolve(RunStore.FILE) + " does not exist)");
            out.flush();
            return 0;
        }
        try (RunStore store = RunStore.open(options.state)) {
            if (gc) {
                return collect(store, out);
            }
            if (stop) {
                return RunStopper.stop(store, id, out);
            }
            if (id != null) {
                RunRecord run = store.get(id).orElseThrow(() -> new UserException("no run " + id + " in " + options.state.resolve(RunStore.FILE)
                        + ": 'asios runs' lists them"));
                out.println(options.json ? JSON.readTree(run.report().orElse(run.placement())).toPrettyString() : describe(run));
            } else if (options.json) {
                ArrayNode runs = JSON.createArrayNode();
                for (RunRecord run : store.list(limit)) {
                    runs.add(RunRecordJson.render(run));
                }
                out.println(runs.toPrettyString());
            } else {
                table(store.list(limit), out);
            }
        }
        out.flush();
        return 0;
    }

    private int collect(RunStore store, PrintWriter out) throws IOException {
        Sysroot sysroot = options.sysroot();
        CgroupLayout layout = CgroupLayout.of(new HostInspector(sysroot).inspect().kernel().cgroups()
                .orElseThrow(() -> new UserException("no cgroup hierarchy is mounted")));
        RunCleaner cleaner = new RunCleaner(sysroot, layout, store);
        RunCleaner.Result cleaned = cleaner.clean();
        List<String> removed = new java.util.ArrayList<>(cleaned.removedFolders());
        List<String> failures = new java.util.ArrayList<>(cleaned.failures());
        try {
            removed.addAll(cleaner.removeEmptyParents());
        } catch (IOException e) {
            failures.add(e.getMessage());
        }
        RunCleaner.Result result = new RunCleaner.Result(cleaned.abandonedRuns(), removed, failures);
        if (options.json) {
            ObjectNode node = JSON.createObjectNode();
            result.abandonedRuns().forEach(node.putArray("abandonedRuns")::add);
            result.removedFolders().forEach(node.putArray("removedCgroups")::add);
            result.failures().forEach(node.putArray("failures")::add);
            out.println(node.toPrettyString());
        } else {
            out.println("gc: " + result.abandonedRuns().size() + " abandoned runs, " + result.removedFolders().size() + " cgroup folders removed");
            result.removedFolders().forEach(f -> out.println("  removed " + f));
            result.failures().forEach(f -> out.println("  FAILED  " + f));
        }
        out.flush();
        return result.failures().isEmpty() ? 0 : 1;
    }

    private static void table(List<RunRecord> runs, PrintWriter out) throws IOException {
        out.printf("%-21s %-9s %-20s %9s %5s  %-10s %-23s %s%n", "ID", "STATE", "STARTED", "WALL", "EXIT", "CPUS", "FROM", "COMMAND");
        for (RunRecord run : runs) {
            ObjectNode placement = (ObjectNode) JSON.readTree(run.placement());
            String wall = run.endedAt().map(end -> String.format(java.util.Locale.ROOT, "%.1fs",
                    Duration.between(run.startedAt(), end).toMillis() / 1000.0)).orElse("-");
            String from = run.restart().restartedFrom().map(f -> f + "#" + run.restart().attempt()).orElse("-");
            out.printf("%-21s %-9s %-20s %9s %5s  %-10s %-23s %s%n", run.id(), run.state().name().toLowerCase(java.util.Locale.ROOT),
                    run.startedAt().toString().substring(0, 19), wall, run.exitCode().isPresent() ? String.valueOf(run.exitCode().getAsInt()) : "-",
                    placement.path("cpus").asText(), from, String.join(" ", run.command()));
        }
    }

    private static String describe(RunRecord run) throws IOException {
        return "run " + run.id() + " (" + run.state().name().toLowerCase(java.util.Locale.ROOT) + "): " + String.join(" ", run.command()) + "\n"
                + RunStopper.lineage(run) + JSON.readTree(run.report().orElse(run.placement())).toPrettyString();
    }
}
