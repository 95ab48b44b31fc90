package dev.asios.observe.net;

import static dev.asios.observe.net.NetDevParserTest.HEADER;
import static dev.asios.observe.net.NetDevParserTest.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.observe.collect.AllocationMeter;
import dev.asios.observe.collect.Recorded;
import dev.asios.observe.collect.Scrape;
import dev.asios.observe.metric.MetricRegistry;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkCollectorTest {

    @TempDir
    Path root;

    private final MetricRegistry registry = new MetricRegistry();
    private final Scrape scrape = new Scrape(registry);

    private Sysroot netDev(String content) {
        return new SysfsTree(root).file("/proc/net/dev", content).sysroot();
    }

    @Test
    void exposesBothDirectionsOfEveryInterface() throws Exception {
        NetworkCollector collector = new NetworkCollector(netDev(HEADER + line("lo", 1) + line("eth0", 100) + line("ib0", 1000)), registry);
        collector.collect();
        assertThat(scrape.labels("asios_network_receive_bytes")).containsExactly("eth0", "ib0", "lo");
        assertThat(scrape.value("asios_network_receive_bytes", "eth0")).isEqualTo(100);
        assertThat(scrape.value("asios_network_receive_packets", "eth0")).isEqualTo(101);
        assertThat(scrape.value("asios_network_receive_errors", "eth0")).isEqualTo(102);
        assertThat(scrape.value("asios_network_receive_drops", "eth0")).isEqualTo(103);
        assertThat(scrape.value("asios_network_transmit_bytes", "eth0")).isEqualTo(108);
        assertThat(scrape.value("asios_network_transmit_packets", "eth0")).isEqualTo(109);
        assertThat(scrape.value("asios_network_transmit_errors", "eth0")).isEqualTo(110);
        assertThat(scrape.value("asios_network_transmit_drops", "ib0")).isEqualTo(1011);
        assertThat(scrape.value("asios_network_interfaces_untracked")).isZero();
    }

    @Test
    void addsAndRemovesTheSeriesOfInterfacesThatComeAndGo() throws Exception {
        Sysroot sysroot = netDev(HEADER + line("lo", 1) + line("eth0", 100));
        NetworkCollector collector = new NetworkCollector(sysroot, registry);
        collector.collect();
        netDev(HEADER + line("lo", 2) + line("eth0", 200) + line("veth7f3a", 5));
        collector.collect();
        assertThat(scrape.labels("asios_network_transmit_bytes")).containsExactly("eth0", "lo", "veth7f3a");
        assertThat(scrape.value("asios_network_receive_bytes", "veth7f3a")).isEqualTo(5);
        netDev(HEADER + line("lo", 3) + line("veth7f3a", 6));
        collector.collect();
        assertThat(scrape.labels("asios_network_transmit_bytes")).containsExactly("lo", "veth7f3a");
        assertThat(scrape.value("asios_network_receive_bytes", "lo")).isEqualTo(3);
        assertThat(scrape.value("asios_network_receive_bytes", "veth7f3a")).isEqualTo(6);
    }

    @Test
    void tracksNoMoreThanTheCapAndSaysSoOnce() throws Exception {
        Sysroot sysroot = netDev(HEADER + line("lo", 1) + line("eth0", 2) + line("veth1", 3) + line("veth2", 4));
        NetworkCollector collector = new NetworkCollector(sysroot, registry, 2);
        collector.collect();
        assertThat(scrape.labels("asios_network_receive_bytes")).containsExactly("eth0", "lo");
        assertThat(scrape.value("asios_network_interfaces_untracked")).isEqualTo(2);
        netDev(HEADER + line("lo", 1) + line("eth0", 2) + line("veth1", 3));
        collector.collect();
        netDev(HEADER + line("lo", 1) + line("veth1", 3));
        collector.collect();
        assertThat(scrape.labels("asios_network_receive_bytes")).containsExactly("lo", "veth1");
        assertThat(scrape.value("asios_network_interfaces_untracked")).isZero();
        assertThat(sysroot.diagnostics().warnings()).singleElement().asString().contains("/proc/net/dev: 4 interfaces; only the first 2");
        assertThat(NetworkCollector.MAX_INTERFACES).isEqualTo(256);
    }

    @Test
    void leavesOutAnInterfaceNamedInOtherThanAsciiAndStillNoticesChanges() throws Exception {
        Sysroot sysroot = netDev(HEADER + line("lo", 1) + line("wlan\u00f1", 2) + line("eth0", 3));
        NetworkCollector collector = new NetworkCollector(sysroot, registry);
        collector.collect();
        collector.collect();
        assertThat(scrape.labels("asios_network_receive_bytes")).containsExactly("eth0", "lo");
        assertThat(scrape.value("asios_network_interfaces_untracked")).isEqualTo(1);
        netDev(HEADER + line("lo", 1) + line("wlan\u00f1", 2) + line("eth1", 4));
        collector.collect();
        assertThat(scrape.labels("asios_network_receive_bytes")).containsExactly("eth1", "lo");
        assertThat(sysroot.diagnostics().warnings()).isEmpty();
    }

    @Test
    void readsThisHostsRecordedNetDev() throws Exception {
        NetworkCollector collector = new NetworkCollector(netDev(Recorded.text(NetworkCollectorTest.class, "debian12-net-dev")), registry);
        collector.collect();
        assertThat(scrape.labels("asios_network_receive_bytes")).containsExactly("eth0", "ifb0", "ifb1", "lo");
        assertThat(scrape.value("asios_network_receive_bytes", "lo")).isEqualTo(1062641440396.0);
        assertThat(scrape.value("asios_network_transmit_packets", "eth0")).isEqualTo(3151);
    }

    @Test
    void failsWithTheFileAndLineWhenMalformedAndWhenMissing() {
        NetworkCollector collector = new NetworkCollector(netDev(HEADER + "  eth0: 1 2\n"), registry);
        assertThatThrownBy(collector::collect).isInstanceOf(IOException.class).hasMessageStartingWith("/proc/net/dev: ")
                .hasMessageContaining("eth0: 1 2");
        NetworkCollector nowhere = new NetworkCollector(new SysfsTree(root.resolve("empty")).folder("/proc").sysroot(), new MetricRegistry());
        assertThat(nowhere.availability().reason()).contains("/proc/net/dev is missing");
        assertThatThrownBy(nowhere::collect).hasMessageContaining("/proc/net/dev is missing");
    }

    @Test
    void allocatesLittlePerCollection() throws Exception {
        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i < 20; i++) {
            many.append(line("veth" + i, i * 1000L));
        }
        Sysroot sysroot = netDev(many.toString());
        NetworkCollector collector = new NetworkCollector(sysroot, registry);
        long open = AllocationMeter.bytesPerRead(sysroot, "/proc/net/dev");
        assertThat(AllocationMeter.bytesPerCollection(collector)).as("bytes per collection beyond the %d of opening the file", open)
                .isLessThan(open + 256);
    }
}
