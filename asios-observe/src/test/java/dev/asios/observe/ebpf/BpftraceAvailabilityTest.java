package dev.asios.observe.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.SysfsTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpftraceAvailabilityTest {

    private static String status(String uid, String effective, String ambient) {
        return "Name:\tjava\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\nCapInh:\t0000000000000000\nCapEff:\t" + effective
                + "\nCapAmb:\t" + ambient + "\n";
    }

    @Test
    void rootWithItsCapabilitiesMayLoadBpf() {
        assertThat(BpftraceAvailability.privileges(Recorded.text("EbpfFuzzTestInputs/procStatus/root")).available()).isTrue();
        assertThat(BpftraceAvailability.privileges(status("0", "000000c000000000", "0000000000000000")).available()).isTrue();
    }

    @Test
    void saysWhatIsMissingOtherwise() {
        assertThat(BpftraceAvailability.privileges(status("1000", "0000000000000000", "0000000000000000")).reason())
                .startsWith("eBPF probes need root: the agent runs as uid 1000");
        assertThat(BpftraceAvailability.privileges(status("0", "00000000a80425fb", "0000000000000000")).reason())
                .contains("need CAP_BPF and CAP_PERFMON").contains("unprivileged container");
        assertThat(BpftraceAvailability.privileges(status("1000", "000000c000000000", "000000c000000000")).available()).isTrue();
        assertThatThrownBy(() -> BpftraceAvailability.privileges("Name:\tx\n")).isInstanceOf(ParseException.class).hasMessageContaining("lacks");
        assertThatThrownBy(() -> BpftraceAvailability.privileges(status("0", "zz", "0"))).isInstanceOf(ParseException.class);
    }

    @Test
    void readsTheStatusThroughTheSysroot(@TempDir Path root) {
        SysfsTree tree = new SysfsTree(root).folder("/sys");
        assertThat(BpftraceAvailability.privileges(tree.sysroot()).reason()).contains("cannot be read");
        tree.file("/proc/self/status", status("1000", "0", "0"));
        assertThat(BpftraceAvailability.privileges(tree.sysroot()).reason()).contains("uid 1000");
        tree.file("/proc/self/status", "Uid:\tx\n");
        assertThat(BpftraceAvailability.privileges(tree.sysroot()).reason()).contains("the check failed");
    }

    @Test
    void findsAnExecutableBpftraceOnThePath(@TempDir Path folder) throws IOException {
        Path bpftrace = folder.resolve("bpftrace");
        Files.writeString(bpftrace, "#!/bin/sh\n");
        assertThat(BpftraceAvailability.findBpftrace(folder.toString())).isNotEqualTo(Optional.of(bpftrace));
        Files.setPosixFilePermissions(bpftrace, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(BpftraceAvailability.findBpftrace("/nonexistent:" + folder)).contains(bpftrace);
    }
}
