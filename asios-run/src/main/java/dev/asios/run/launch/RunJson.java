package dev.asios.run.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.host.sys.PerfCounters;
import dev.asios.host.sys.ResourceUsage;
import dev.asios.run.place.PlacedGpu;
import dev.asios.run.place.Placement;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The JSON form of placements and run reports, for {@code --json}, {@code asios runs} and the
 * run store. Field names are stable for scripts; units are in the names. Stateless and thread-safe.
 */
public final class RunJson {

    private final ObjectMapper mapper = new ObjectMapper();

    /** A placement as JSON. */
    public ObjectNode placement(Placement placement) {
        ObjectNode node = mapper.createObjectNode();
        var gpus = node.putArray("gpus");
        for (PlacedGpu gpu : placement.gpus()) {
            ObjectNode g = gpus.addObject().put("index", gpu.index()).put("address", gpu.address().toString()).put("name", gpu.name());
            gpu.numaNode().ifPresent(n -> g.put("numaNode", n));
        }
        node.put("cpus", placement.cpus().toList()).put("memoryNodes", placement.memoryNodes().toList())
                .put("numaPolicy", placement.policy().name().toLowerCase(java.util.Locale.ROOT));
        placement.nic().ifPresent(nic -> {
            ObjectNode n = node.putObject("nic").put("netDevice", nic.netDevice()).put("address", nic.address().toString())
                    .put("linkToGpus", nic.linkToGpus().label());
            nic.rdmaDevice().ifPresent(r -> n.put("rdmaDevice", r));
        });
        node.put("score", Math.round(placement.score() * 1000) / 1000.0);
        placement.reasons().forEach(node.putArray("reasons")::add);
        return node;
    }

    /** A run report as JSON. */
    public ObjectNode report(RunReport report) {
        ObjectNode node = mapper.createObjectNode().put("id", report.id());
        report.command().forEach(node.putArray("command")::add);
        node.set("placement", placement(report.placement()));
        node.put("exitCode", report.exitCode()).put("startedAt", report.startedAt().toString()).put("wallMillis", report.wallMillis());
        ResourceUsage p = report.process();
        ObjectNode process = node.putObject("process").put("userMicros", p.userMicros()).put("systemMicros", p.systemMicros());
        put(process, "maxRssKib", report.peakRssKib());
        process.put("minorFaults", p.minorFaults()).put("majorFaults", p.majorFaults())
                .put("voluntarySwitches", p.voluntarySwitches()).put("involuntarySwitches", p.involuntarySwitches());
        if (report.perf().isPresent()) {
            PerfCounters.Snapshot s = report.perf().get();
            ObjectNode perf = node.putObject("perf").put("taskClockNanos", s.taskClockNanos()).put("pageFaults", s.pageFaults())
                    .put("contextSwitches", s.contextSwitches()).put("cpuMigrations", s.cpuMigrations());
            perCpu(perf, s.perCpuNanos());
        } else {
            node.putObject("perf").put("unavailable", report.perfUnavailable().orElse("unknown"));
        }
        CgroupUsage c = report.cgroup();
        ObjectNode cgroup = node.putObject("cgroup");
        put(cgroup, "cpuUserMicros", c.cpuUserMicros());
        put(cgroup, "cpuSystemMicros", c.cpuSystemMicros());
        put(cgroup, "cpuTotalMicros", c.cpuTotalMicros());
        put(cgroup, "throttledPeriods", c.throttledPeriods());
        put(cgroup, "throttledMicros", c.throttledMicros());
        put(cgroup, "memoryPeakBytes", c.memoryPeakBytes());
        put(cgroup, "pageFaults", c.pageFaults());
        put(cgroup, "majorFaults", c.majorFaults());
        perCpu(cgroup, c.perCpuNanos());
        node.put("cpusUsed", report.cpusUsed().toList()).put("cpusOutsidePlacement", report.cpusOutsidePlacement().toList());
        report.notes().forEach(node.putArray("notes")::add);
        return node;
    }

    private static void perCpu(ObjectNode node, Map<Integer, Long> perCpuNanos) {
        ObjectNode times = node.putObject("perCpuNanos");
        new java.util.TreeMap<>(perCpuNanos).forEach((cpu, nanos) -> times.put(String.valueOf(cpu), nanos));
    }

    private static void put(ObjectNode node, String name, OptionalLong value) {
        if (value.isPresent()) {
            node.put(name, value.getAsLong());
        } else {
            node.putNull(name);
        }
    }
}
