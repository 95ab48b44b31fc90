package dev.asios.run.restart;

import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.launch.CgroupLayout;
import dev.asios.run.launch.LaunchException;
import dev.asios.run.launch.LaunchPlanner;
import dev.asios.run.launch.Launcher;
import dev.asios.run.launch.RunCleaner;
import dev.asios.run.launch.RunJson;
import dev.asios.run.launch.RunReport;
import dev.asios.run.launch.RunRequest;
import dev.asios.run.launch.RunRequestJson;
import dev.asios.run.place.PlacementException;
import dev.asios.run.store.RestartInfo;
import dev.asios.run.store.RunIds;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The supervisor of a restarted run, started by {@link DetachedSupervisor}:
 * {@code RestartMain --state DIR --restart-of ID --run-id NEW --attempt N}. It reads the crashed
 * run's recorded request, runs its checkpoint command instead of its command when it declared one,
 * places and launches it through {@link LaunchPlanner} and {@link Launcher} as {@code asios run}
 * does, and records it as restart {@code N} of {@code ID} with the same declaration (so it may be
 * restarted in turn). Its run must have been claimed ({@link RunStore#claimRestart}) by the caller;
 * when the run cannot start, it gives the claim back so a later restart may try again. Exits with
 * the run's status, or 125 when nothing ran (the reason on standard error).
 */
public final class RestartMain {

    /** Nothing ran. */
    static final int NOT_RUN = 125;

    private RestartMain() {
    }

    /** The arguments for restarting {@code crashedId} as {@code newId}, restart {@code attempt} in a row. */
    public static List<String> arguments(Path stateDir, String crashedId, String newId, int attempt) {
        return List.of("--state", stateDir.toAbsolutePath().toString(), "--restart-of", crashedId, "--run-id", newId, "--attempt", String.valueOf(attempt));
    }

    /** Runs the restart; see the class comment. */
    public static void main(String[] args) {
        int status;
        try {
            status = restart(Arguments.parse(args));
        } catch (IllegalArgumentException e) {
            System.err.println("asios restart: " + e.getMessage());
            status = NOT_RUN;
        }
        System.exit(status);
    }

    private static int restart(Arguments args) {
        try (RunStore store = RunStore.open(args.stateDir)) {
            try {
                RunRecord crashed = store.get(args.crashedId).orElseThrow(() -> new IOException("no run " + args.crashedId + " in the run store"));
                String declaration = crashed.restart().request()
                        .orElseThrow(() -> new IOException("run " + args.crashedId + " did not declare that it may be restarted"));
                RunRequest request = RunRequestJson.parse(declaration);
                System.err.println("asios restart: " + Instant.now() + " run " + args.newId + " restarts " + args.crashedId + " (attempt " + args.attempt
                        + "): " + String.join(" ", request.restartCommand()));
                RunReport report = launch(store, args, request, declaration);
                System.err.println("asios restart: " + Instant.now() + " run " + args.newId + " exited with " + report.exitCode());
                return report.exitCode();
            } catch (IOException | LaunchException | PlacementException | ParseException e) {
                System.err.println("asios restart: run " + args.newId + " (restart of " + args.crashedId + ") did not start: " + e.getMessage());
                store.releaseRestart(args.crashedId, args.newId);
                return NOT_RUN;
            }
        } catch (IOException e) {
            System.err.println("asios restart: " + e.getMessage());
            return NOT_RUN;
        }
    }

    private static RunReport launch(RunStore store, Arguments args, RunRequest request, String declaration)
            throws IOException, LaunchException, PlacementException {
        Sysroot sysroot = Sysroot.host();
        HostSnapshot host = new HostInspector(sysroot).inspect();
        CgroupLayout layout = CgroupLayout.of(host.kernel().cgroups().orElseThrow(() -> new IOException("no cgroup hierarchy is mounted")));
        RunCleaner.Result cleaned = new RunCleaner(sysroot, layout, store).clean();
        cleaned.failures().forEach(f -> System.err.println("asios restart: clean-up: " + f));
        LaunchPlanner planner = LaunchPlanner.of(sysroot, host, layout, store.running(), args.stateDir, false);
        LaunchPlanner.Plan plan = planner.plan(args.newId, request.forRestart());
        return new Launcher(sysroot, layout, store, args.stateDir, new RunJson())
                .launch(plan.spec(), RestartInfo.declared(declaration, Optional.of(args.crashedId), args.attempt));
    }

    /** The command line, checked. */
    private record Arguments(Path stateDir, String crashedId, String newId, int attempt) {

        static Arguments parse(String[] args) {
            if (args.length != 8 || !args[0].equals("--state") || !args[2].equals("--restart-of") || !args[4].equals("--run-id")
                    || !args[6].equals("--attempt")) {
                throw new IllegalArgumentException("usage: --state DIR --restart-of ID --run-id NEW --attempt N, given " + List.of(args));
            }
            if (!RunIds.valid(args[3]) || !RunIds.valid(args[5])) {
                throw new IllegalArgumentException("run ids have the form 20261125-073012-a3f2, given " + args[3] + " and " + args[5]);
            }
            int attempt;
            try {
                attempt = Integer.parseInt(args[7]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--attempt '" + args[7] + "': expected a whole number");
            }
            if (attempt < 1) {
                throw new IllegalArgumentException("--attempt " + attempt + ": a restart is attempt 1 or more");
            }
            return new Arguments(Path.of(args[1]), args[3], args[5], attempt);
        }
    }
}
