package dev.asios.tune.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.journal.Journal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kill -9 at every step of a real apply, and of a real rollback, in a child JVM on a recorded
 * tree; then a rollback in this process must bring the tree back byte for byte.
 */
@Tag("slow")
class CrashSafetyTest {

    /** Three steps per change (journaled, written, verified), plus one past the end: no kill. */
    private static final int APPLY_STEPS = CrashTree.CHANGES.size() * 3;
    private static final int ROLLBACK_STEPS = CrashTree.CHANGES.size();

    @TempDir
    Path tmp;

    static IntStream applySteps() {
        return IntStream.rangeClosed(1, APPLY_STEPS + 1);
    }

    static IntStream rollbackSteps() {
        return IntStream.rangeClosed(1, ROLLBACK_STEPS + 1);
    }

    @ParameterizedTest(name = "killed after apply step {0}")
    @MethodSource("applySteps")
    void rollbackAfterAKilledApplyRestoresTheTree(int step) throws Exception {
        Path root = tmp.resolve("root");
        Path journal = tmp.resolve("journal");
        CrashTree.write(root);
        Map<String, String> before = CrashTree.snapshot(root);

        runChildUntil("apply", root, journal, step);
        List<Outcome> restored = new Rollback(EmulatedCgroupFs.operations(Sysroot.of(root)), journal, Clock.systemUTC(), ExecutionListener.NONE).run();

        assertThat(restored).allMatch(Outcome::ok);
        assertThat(CrashTree.snapshot(root)).isEqualTo(before);
        assertThat(CrashTree.holders(root)).as("holder processes").isEmpty();
        assertThat(journal.resolve(Journal.FILE)).doesNotExist();
    }

    @ParameterizedTest(name = "killed after rollback step {0}")
    @MethodSource("rollbackSteps")
    void aSecondRollbackAfterAKilledRollbackRestoresTheTree(int step) throws Exception {
        Path root = tmp.resolve("root");
        Path journal = tmp.resolve("journal");
        CrashTree.write(root);
        Map<String, String> before = CrashTree.snapshot(root);
        List<Outcome> applied = new PlanExecutor(EmulatedCgroupFs.operations(Sysroot.of(root)), journal, Clock.systemUTC(), ExecutionListener.NONE).apply(CrashTree.plan());
        assertThat(applied).hasSize(CrashTree.CHANGES.size()).allMatch(Outcome::ok);
        assertThat(CrashTree.snapshot(root)).isNotEqualTo(before)
                .containsEntry("sys/fs/cgroup/cpuset/tasks", "2\n14\n")
                .containsEntry("sys/fs/cgroup/cpuset/asios-housekeeping/tasks", "1\n100\n");

        runChildUntil("rollback", root, journal, step);
        new Rollback(EmulatedCgroupFs.operations(Sysroot.of(root)), journal, Clock.systemUTC(), ExecutionListener.NONE).run();

        assertThat(CrashTree.snapshot(root)).isEqualTo(before);
        assertThat(CrashTree.holders(root)).as("holder processes").isEmpty();
        assertThat(journal.resolve(Journal.FILE)).doesNotExist();
    }

    /** Runs {@link StopAtStep} and kills it with SIGKILL once it reports the step (or lets it finish). */
    private static void runChildUntil(String mode, Path root, Path journal, int step) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), StopAtStep.class.getName(),
                mode, root.toString(), journal.toString(), String.valueOf(step))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("STOPPED")) {
                    child.destroyForcibly();
                    break;
                }
                if (line.equals("DONE")) {
                    break;
                }
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child ended; it printed:\n" + seen).isTrue();
            assertThat(seen.toString()).containsAnyOf("STOPPED", "DONE");
        } finally {
            child.destroyForcibly();
        }
        assertThat(Files.exists(journal.resolve(Journal.FILE)) || mode.equals("rollback")).isTrue();
    }
}
