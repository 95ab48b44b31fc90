package dev.asios.tune.apply;

import dev.asios.host.sysroot.Sysroot;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A child process for the crash tests: applies (or rolls back) the {@link CrashTree} plan and,
 * after step number N, prints {@code STOPPED} and waits to be killed with SIGKILL. Prints
 * {@code DONE} if it runs out of steps first.
 *
 * <p>Arguments: {@code apply|rollback SYSROOT JOURNAL_DIR N}.
 */
public final class StopAtStep {

    private StopAtStep() {
    }

    public static void main(String[] args) throws InterruptedException {
        Sysroot sysroot = Sysroot.of(Path.of(args[1]));
        Path journal = Path.of(args[2]);
        int stopAt = Integer.parseInt(args[3]);
        int[] steps = {0};
        ExecutionListener listener = (step, path) -> {
            if (++steps[0] == stopAt) {
                System.out.println("STOPPED after " + step + " of " + path);
                System.out.flush();
                waitForKill();
            }
        };
        if (args[0].equals("apply")) {
            new PlanExecutor(EmulatedCgroupFs.operations(sysroot), journal, Clock.systemUTC(), listener).apply(CrashTree.plan());
        } else {
            new Rollback(EmulatedCgroupFs.operations(sysroot), journal, Clock.systemUTC(), listener).run();
        }
        System.out.println("DONE");
    }

    private static void waitForKill() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
