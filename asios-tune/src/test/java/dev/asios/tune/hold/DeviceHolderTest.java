package dev.asios.tune.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.plan.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real holder processes on a temporary tree whose device is a plain file, so what they write can be read. */
class DeviceHolderTest {

    private static final String DEVICE = "/dev/cpu_dma_latency";

    @TempDir
    Path root;

    private Sysroot sysroot;
    private DeviceHolder holders;

    @BeforeEach
    void device() {
        new SysfsTree(root).file(DEVICE, "").folder("/proc");
        sysroot = Sysroot.of(root);
        holders = new DeviceHolder(sysroot);
    }

    @AfterEach
    void noHolderLeft() throws IOException {
        holders.release(DEVICE);
    }

    @Test
    void holdsTheValueAsHexadecimalTextThatIsNotFourBytesLong() throws IOException {
        holders.hold(DEVICE, 10);

        assertThat(holders.state(DEVICE)).isEqualTo("10");
        assertThat(sysroot.read(DEVICE)).contains("0x0000000a");
        assertThat(sysroot.read(DeviceHolder.pidFile(DEVICE))).isPresent();
    }

    @Test
    void releaseStopsTheHolderAndRemovesItsPidFile() throws IOException {
        holders.hold(DEVICE, 0);
        long pid = Long.parseLong(sysroot.readTrimmed(DeviceHolder.pidFile(DEVICE)).orElseThrow());

        holders.release(DEVICE);

        assertThat(holders.state(DEVICE)).isEqualTo(Operation.NOT_HELD);
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(sysroot.exists(DeviceHolder.pidFile(DEVICE))).isFalse();
    }

    @Test
    void holdingAnotherValueReplacesTheHolder() throws IOException {
        holders.hold(DEVICE, 0);
        long first = Long.parseLong(sysroot.readTrimmed(DeviceHolder.pidFile(DEVICE)).orElseThrow());

        holders.hold(DEVICE, 20);

        assertThat(holders.state(DEVICE)).isEqualTo("20");
        assertThat(sysroot.read(DEVICE)).contains("0x00000014");
        assertThat(ProcessHandle.of(first).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void holdingTheSameValueKeepsTheHolder() throws IOException {
        holders.hold(DEVICE, 5);
        String pid = sysroot.readTrimmed(DeviceHolder.pidFile(DEVICE)).orElseThrow();

        holders.hold(DEVICE, 5);

        assertThat(sysroot.readTrimmed(DeviceHolder.pidFile(DEVICE))).contains(pid);
    }

    @Test
    void aPidFileOfAnotherProcessIsNotAHolder() throws IOException {
        new SysfsTree(root).file(DeviceHolder.pidFile(DEVICE), ProcessHandle.current().pid() + "\n");

        assertThat(holders.state(DEVICE)).isEqualTo(Operation.NOT_HELD);
        holders.release(DEVICE);
        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(sysroot.exists(DeviceHolder.pidFile(DEVICE))).as("stale pid file removed").isFalse();
    }

    @Test
    void aHolderKilledFromOutsideIsNoLongerHolding() throws IOException {
        holders.hold(DEVICE, 1);
        long pid = Long.parseLong(sysroot.readTrimmed(DeviceHolder.pidFile(DEVICE)).orElseThrow());
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        process.orElseThrow().destroyForcibly();
        process.get().onExit().join();

        assertThat(holders.state(DEVICE)).isEqualTo(Operation.NOT_HELD);
    }

    @Test
    void aDeviceThatCannotBeOpenedFailsWithTheHoldersError() {
        assertThatThrownBy(() -> holders.hold("/dev/missing/cpu_dma_latency", 0))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("/dev/missing/cpu_dma_latency: cannot hold it open: ")
                .hasMessageContaining("No such file or directory");
    }
}
