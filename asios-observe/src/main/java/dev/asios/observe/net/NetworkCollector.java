package dev.asios.observe.net;

import dev.asios.host.parse.ByteText;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.Column;
import dev.asios.observe.collect.KernelTableCollector;
import dev.asios.observe.collect.SeriesRow;
import dev.asios.observe.collect.TableLayout;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.Arrays;
import java.util.List;

/**
 * Traffic of every network interface, from {@code /proc/net/dev}: bytes, packets, errors and
 * drops received and transmitted, labelled {@code interface} (see {@link NetField}). The file
 * shows the interfaces of the agent's network namespace.
 *
 * <p>Interfaces come and go (a container's veth pair lives as long as the container): a new one
 * gets its series at the next collection and one that vanished loses them; the collector notices
 * any change in the file's list of interfaces. To bound the number of series, only the first
 * {@value #MAX_INTERFACES} interfaces in the file's order are tracked; how many are left out is
 * {@code asios_network_interfaces_untracked}, and the first time any is, the sysroot's
 * diagnostics say so once. An interface whose name is not printable ASCII (Linux allows any bytes
 * but {@code /}, {@code :} and white space) is left out too, and counted there. Between changes a
 * collection allocates nothing but what opening the file costs. Called from the collector loop's
 * one thread.
 */
public final class NetworkCollector extends KernelTableCollector {

    static final String NET_DEV = "/proc/net/dev";

    /** The most interfaces tracked at once. */
    public static final int MAX_INTERFACES = 256;

    private final int maxInterfaces;
    private final List<MetricFamily> families;
    private final Series untracked;
    private final long[] counters = new long[NetDevParser.COUNTERS];
    private boolean capReported;

    /** Registers the network families in {@code registry}; reads nothing yet. */
    public NetworkCollector(Sysroot sysroot, MetricRegistry registry) {
        this(sysroot, registry, MAX_INTERFACES);
    }

    NetworkCollector(Sysroot sysroot, MetricRegistry registry, int maxInterfaces) {
        super(sysroot, NET_DEV);
        this.maxInterfaces = maxInterfaces;
        this.families = Column.registerAll(registry, Arrays.stream(NetField.values()).map(NetField::column).toList(), "interface");
        this.untracked = registry.gauge("asios_network_interfaces_untracked",
                "Interfaces whose counters are not collected: past the first " + maxInterfaces + ", or named in other than printable ASCII.",
                null).series();
        untracked.set(0);
    }

    @Override
    public String name() {
        return "network";
    }

    @Override
    protected void toFirstDataLine(ByteText text) {
        NetDevParser.skipHeader(text);
    }

    @Override
    protected void publish(ByteText line, SeriesRow row) {
        NetDevParser.counters(line, counters);
        for (NetField field : NetField.FIELDS) {
            row.set(field.ordinal(), counters[field.index()]);
        }
    }

    @Override
    protected void relayout(ByteText text, TableLayout layout) {
        List<String> nameWords = NetDevParser.nameWords(text);
        int[] chosen = {0};
        layout.relayout(nameWords, (line, word, existing) -> chosen[0]++ >= maxInterfaces ? null
                : existing != null ? existing : new SeriesRow(families, NetDevParser.interfaceName(word)));
        untracked.set(nameWords.size() - layout.tracked());
        if (chosen[0] > maxInterfaces && !capReported) {
            capReported = true;
            sysroot().diagnostics().warn(NET_DEV, nameWords.size() + " interfaces; only the first " + maxInterfaces
                    + " are collected, to bound the number of series (asios_network_interfaces_untracked counts the rest)");
        }
    }
}
