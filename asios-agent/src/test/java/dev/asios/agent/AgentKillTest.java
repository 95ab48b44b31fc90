package dev.asios.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.agent.store.Point;
import dev.asios.agent.store.SampleStore;
import dev.asios.agent.store.StoreSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a whole running agent (collectors, HTTP server, store, at a 200 ms interval)
 * at random moments, three times on one state folder: each time the store opens again (which runs
 * SQLite's {@code quick_check}) and its latest round is at most one interval, plus scheduling
 * slack, older than the kill.
 */
@Tag("slow")
class AgentKillTest {

    private static final long INTERVAL_MS = 200;
    private static final long SLACK_MS = 800;

    @TempDir
    Path state;

    @Test
    void killNineLosesAtMostTheLastRoundAndNeverCorruptsTheStore() throws Exception {
        for (int kill = 0; kill < 3; kill++) {
            Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC", "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), AgentChild.class.getName(), state.toString()))
                    .redirectError(state.resolve("child.err").toFile()).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).as("the agent started").startsWith("up ");
                Thread.sleep(2000 + ThreadLocalRandom.current().nextLong(2000));
                long killedAtMs = System.currentTimeMillis();
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                try (SampleStore store = SampleStore.open(state, StoreSettings.DEFAULTS)) {
                    Optional<Point> latest = store.latest("asios_agent_threads");
                    assertThat(latest).as("a round was recorded before kill " + kill).isPresent();
                    assertThat(killedAtMs - latest.get().tsMs()).as("ms between the last stored round and the kill").isLessThanOrEqualTo(INTERVAL_MS + SLACK_MS);
                }
            } finally {
                child.destroyForcibly();
            }
        }
    }
}
