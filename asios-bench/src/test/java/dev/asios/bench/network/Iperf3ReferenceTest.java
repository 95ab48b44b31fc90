package dev.asios.bench.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.parse.CpuSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class Iperf3ReferenceTest {

    private static final Path IPERF3 = Path.of("/usr/bin/iperf3");

    @Test
    void loopbackCommandsAreIperf3sOwn() {
        Iperf3Reference reference = new Iperf3Reference(IPERF3, Endpoints.loopback(), 1, Pinning.split(CpuSet.empty()));
        assertThat(reference.serverCommand(5201)).containsExactly("/usr/bin/iperf3", "-s", "-1", "-p", "5201", "--forceflush");
        assertThat(reference.clientCommand(5201, Duration.ofSeconds(10)))
                .containsExactly("/usr/bin/iperf3", "-c", "127.0.0.1", "-p", "5201", "-t", "10", "-O", "1", "-P", "1", "-J");
    }

    @Test
    void vethCommandsRunInTheirNamespacesPinnedApart() {
        Endpoints veth = new Endpoints(List.of("ip", "netns", "exec", "rx"), List.of("ip", "netns", "exec", "tx"), "10.231.0.1", "veth");
        Iperf3Reference reference = new Iperf3Reference(IPERF3, veth, 2, Pinning.split(CpuSet.of(0, 1)));
        assertThat(reference.serverCommand(40000))
                .containsExactly("ip", "netns", "exec", "rx", "/usr/bin/iperf3", "-s", "-1", "-p", "40000", "--forceflush", "-A", "0");
        assertThat(reference.clientCommand(40000, Duration.ofSeconds(2))).containsExactly("ip", "netns", "exec", "tx", "/usr/bin/iperf3", "-c",
                "10.231.0.1", "-p", "40000", "-t", "2", "-O", "1", "-P", "2", "-J", "-A", "1");
    }
}
