package dev.asios.host.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Signals on the real host. */
class SignalsTest {

    @Test
    void sigtermEndsASleep() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        Signals.kill(sleep.pid(), Signals.SIGTERM);
        assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sleep.exitValue()).isEqualTo(128 + Signals.SIGTERM);
    }

    @Test
    void aHandlerReceivesTheSignalUntilClosed() throws Exception {
        BlockingQueue<Integer> received = new ArrayBlockingQueue<>(4);
        try (Signals.Registration registration = Signals.onSignal("SIGUSR1", received::add)) {
            assertThat(registration.name()).isEqualTo("SIGUSR1");
            Signals.kill(ProcessHandle.current().pid(), Signals.SIGUSR1);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(Signals.SIGUSR1);
        }
        try (Signals.Registration again = Signals.onSignal("usr1", received::add)) {
            assertThat(again.name()).isEqualTo("SIGUSR1");
        }
    }

    @Test
    void signalsTheJvmKeepsAreRefusedClearly() {
        assertThatThrownBy(() -> Signals.onSignal("QUIT", n -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessage("the JVM refuses a handler for SIGQUIT: Signal already used by VM or OS: SIGQUIT");
        assertThatThrownBy(() -> Signals.onSignal("NOPE", n -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SIGNOPE");
    }

    @Test
    void badTargetsAreRefused() {
        assertThatThrownBy(() -> Signals.kill(0, Signals.SIGTERM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signals.kill(-1, Signals.SIGTERM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signals.kill(4_194_305, 0)).isInstanceOf(NativeException.class)
                .hasMessage("kill of signal 0 to pid 4194305: No such process (ESRCH)");
    }
}
