package dev.asios.run.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.run.place.NumaPolicy;
import dev.asios.run.place.PlacementRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RunRequestJsonTest {

    private static final PlacementRequest PLACEMENT = new PlacementRequest(2, List.of("0", "0000:3b:00.0"), OptionalInt.of(4), OptionalInt.empty(),
            OptionalLong.of(1L << 30), true, 16, 2048, true, NumaPolicy.STRICT);

    @Test
    void aRequestComesBackAsItWasWritten() throws IOException {
        RunRequest request = new RunRequest(List.of("/usr/bin/python3", "train.py", "--epochs", "3"), Map.of("PATH", "/usr/bin", "TOKEN", "a\"b"),
                "/home/me/job", PLACEMENT, HugepageMode.HUGETLB, OptionalInt.of(200), OptionalInt.empty(), OptionalInt.of(64), OptionalInt.of(10), true,
                RestartPolicy.ON_FAILURE, Optional.of("python3 train.py --resume \"$(ls -t ckpt | head -1)\""));
        assertThat(RunRequestJson.parse(RunRequestJson.write(request))).isEqualTo(request);
        RunRequest plain = new RunRequest(List.of("/bin/true"), Map.of(), "/", PlacementRequest.cpuOnly(1), HugepageMode.NONE, OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), false, RestartPolicy.ON_FAILURE, Optional.empty());
        assertThat(RunRequestJson.parse(RunRequestJson.write(plain))).isEqualTo(plain);
    }

    @Test
    void aRestartRunsTheCheckpointCommandThroughTheShellOrElseTheCommand() {
        RunRequest request = new RunRequest(List.of("/bin/train"), Map.of(), "/", PlacementRequest.cpuOnly(1), HugepageMode.NONE, OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), false, RestartPolicy.ON_FAILURE, Optional.of("train --resume"));
        assertThat(request.forRestart().command()).containsExactly("/bin/sh", "-c", "train --resume");
        assertThat(request.forRestart().checkpointCommand()).contains("train --resume");
        RunRequest without = new RunRequest(List.of("/bin/train"), Map.of(), "/", PlacementRequest.cpuOnly(1), HugepageMode.NONE, OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), false, RestartPolicy.ON_FAILURE, Optional.empty());
        assertThat(without.forRestart().command()).containsExactly("/bin/train");
    }

    @Test
    void aCheckpointCommandWithoutARestartPolicyIsRefused() {
        assertThatThrownBy(() -> new RunRequest(List.of("/bin/train"), Map.of(), "/", PlacementRequest.cpuOnly(1), HugepageMode.NONE, OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), false, RestartPolicy.NO, Optional.of("x")))
                .hasMessageContaining("--restart on-failure");
    }

    @Test
    void aDamagedRequestIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> RunRequestJson.parse("[1]")).isInstanceOf(IOException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> RunRequestJson.parse("{\"restart\":\"on-failure\",\"command\":[\"/bin/x\"]}")).isInstanceOf(IOException.class)
                .hasMessageContaining("'numaPolicy'");
        assertThatThrownBy(() -> RunRequestJson.parse("{\"restart\":\"always\",\"command\":[\"/bin/x\"],\"workingDirectory\":\"/\",\"hugepages\":\"none\","
                + "\"placement\":{\"numaPolicy\":\"preferred\"}}")).isInstanceOf(IOException.class).hasMessageContaining("restart 'always': expected no, on-failure");
        assertThatThrownBy(() -> RunRequestJson.parse("{\"restart\":\"on-failure\",\"command\":[],\"workingDirectory\":\"/\",\"hugepages\":\"none\","
                + "\"placement\":{\"numaPolicy\":\"preferred\"}}")).isInstanceOf(IOException.class).hasMessageContaining("needs a command");
    }
}
