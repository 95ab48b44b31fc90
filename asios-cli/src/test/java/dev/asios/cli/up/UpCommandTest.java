package dev.asios.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.cli.CliRun;
import dev.asios.cli.ExitCodes;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code asios up} says when it cannot start: one line and exit code 4, never a trace. */
class UpCommandTest {

    @TempDir
    Path state;

    @Test
    void aTakenPortIsOneLineAndExitCodeFour() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("up", "--port", String.valueOf(taken.getLocalPort()), "--state", state.toString(), "--no-ebpf");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(run.err()).contains(":" + taken.getLocalPort() + " is already in use").contains("--port N").doesNotContain("\tat ");
        }
    }

    @Test
    void aCorruptStoreIsNamedAndKept() throws Exception {
        Path file = state.resolve("samples.db");
        Files.write(file, "this is not a database, it is garbage ".repeat(200).getBytes());
        CliRun run = CliRun.of("up", "--port", "0", "--state", state.toString(), "--no-ebpf");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains(file + " is corrupt").contains("mv ").doesNotContain("\tat ");
        assertThat(file).exists();
    }

    @Test
    void aStateFolderUnderAFileSaysWhatToDo() throws Exception {
        Path notAFolder = Files.writeString(state.resolve("file"), "x");
        CliRun run = CliRun.of("up", "--port", "0", "--state", notAFolder.resolve("state").toString(), "--no-ebpf");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("cannot make the state folder").contains("--state DIR");
    }

    @Test
    void badOptionsNameTheOption() {
        assertThat(CliRun.of("up", "--interval", "10ms").err()).contains("--interval must be within 100ms..10m");
        assertThat(CliRun.of("up", "--port", "70000").err()).contains("--port must be within 0..65535");
        assertThat(CliRun.of("up", "--listen", "no such host!").err()).contains("--listen 'no such host!'");
    }
}
