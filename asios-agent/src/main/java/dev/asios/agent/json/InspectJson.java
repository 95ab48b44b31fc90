package dev.asios.agent.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.host.cpu.Cache;
import dev.asios.host.cpu.CpuGroup;
import dev.asios.host.cpu.CpuTopology;
import dev.asios.host.cpu.Pu;
import dev.asios.host.findings.Evidence;
import dev.asios.host.findings.Finding;
import dev.asios.host.findings.Fix;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.numa.HugepagePool;
import dev.asios.host.numa.NumaNode;
import dev.asios.host.numa.NumaTopology;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Diagnostics;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The {@code --json} form of {@code asios inspect}: a stable, documented schema
 * ({@code docs/inspect-json.md}). Fields are only ever added; a removal or change of meaning
 * raises {@link #SCHEMA_VERSION}. Absent values are JSON {@code null}, never 0.
 */
public final class InspectJson {

    /** Version of the schema; raised on any incompatible change. */
    public static final int SCHEMA_VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new SimpleModule("asios")
                    .addSerializer(CpuSet.class, ToStringSerializer.instance)
                    .addSerializer(new LowerCaseEnumSerializer()));

    /** The whole document for {@code host} and its findings. */
    public ObjectNode render(HostSnapshot host, List<Finding> findings) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("sysroot", host.sysroot());
        root.set("cpu", cpuSummary(host.cpu()));
        root.set("packages", groups(host.cpu().packages()));
        root.set("dies", groups(host.cpu().dies()));
        root.set("clusters", groups(host.cpu().clusters()));
        root.set("cores", groups(host.cpu().cores()));
        root.set("pus", pus(host));
        root.set("caches", caches(host.cpu().caches()));
        root.set("numaNodes", numaNodes(host.numa()));
        root.set("kernel", mapper.valueToTree(host.kernel()));
        DeviceJson devices = new DeviceJson(mapper);
        root.set("pciDevices", devices.pciDevices(host.pci().devices()));
        root.set("rdmaDevices", devices.rdmaDevices(host.pci().rdmaDevices()));
        root.set("blockDevices", devices.blockDevices(host.blockDevices()));
        root.set("findings", findings(findings));
        root.set("warnings", warnings(host.warnings()));
        return root;
    }

    /** The mapper that renders the model, configured for its types. */
    public ObjectMapper mapper() {
        return mapper;
    }

    private ObjectNode cpuSummary(CpuTopology cpu) {
        ObjectNode node = mapper.createObjectNode();
        node.put("architecture", cpu.architecture());
        node.put("vendor", cpu.vendor().orElse(null));
        node.put("model", cpu.model().orElse(null));
        ArrayNode features = node.putArray("aiFeatures");
        cpu.aiFeatures().stream().sorted().forEach(features::add);
        node.put("onlineCpus", cpu.onlineCpus().toList());
        node.put("offlineCpus", cpu.offlineCpus().toList());
        return node;
    }

    private ArrayNode groups(List<CpuGroup> groups) {
        ArrayNode array = mapper.createArrayNode();
        for (int i = 0; i < groups.size(); i++) {
            CpuGroup group = groups.get(i);
            ObjectNode node = array.addObject();
            node.put("index", i);
            putInt(node, "id", group.id());
            node.put("cpus", group.cpus().toList());
        }
        return array;
    }

    private ArrayNode pus(HostSnapshot host) {
        CpuTopology cpu = host.cpu();
        ArrayNode array = mapper.createArrayNode();
        for (Pu pu : cpu.pus()) {
            ObjectNode node = array.addObject();
            node.put("osIndex", pu.osIndex());
            node.put("online", pu.online());
            putInt(node, "package", indexHolding(cpu.packages(), pu));
            putInt(node, "core", indexHolding(cpu.cores(), pu));
            Optional<NumaNode> numa = host.numa().nodeOfCpu(pu.osIndex());
            putInt(node, "numaNode", numa.map(n -> OptionalInt.of(n.osIndex())).orElse(OptionalInt.empty()));
            node.put("coreType", pu.coreType().orElse(null));
        }
        return array;
    }

    private ArrayNode caches(List<Cache> caches) {
        ArrayNode array = mapper.createArrayNode();
        for (Cache cache : caches) {
            ObjectNode node = array.addObject();
            node.put("level", cache.level());
            node.put("type", cache.type().name().toLowerCase());
            node.put("sizeBytes", cache.sizeBytes());
            node.put("lineSizeBytes", cache.lineSizeBytes());
            node.put("ways", cache.ways());
            node.put("cpus", cache.cpus().toList());
        }
        return array;
    }

    private ArrayNode numaNodes(NumaTopology numa) {
        ArrayNode array = mapper.createArrayNode();
        for (int i = 0; i < numa.nodes().size(); i++) {
            NumaNode numaNode = numa.nodes().get(i);
            ObjectNode node = array.addObject();
            node.put("osIndex", numaNode.osIndex());
            node.put("kind", numaNode.kind().name().toLowerCase());
            node.put("cpus", numaNode.cpus().toList());
            node.put("localMemoryBytes", numaNode.localMemoryBytes());
            putLong(node, "freeMemoryBytes", numaNode.freeMemoryBytes());
            node.put("gpuPciAddress", numaNode.gpuPciAddress().orElse(null));
            putInt(node, "memoryTier", numaNode.memoryTier());
            ArrayNode pools = node.putArray("hugepages");
            for (HugepagePool pool : numaNode.hugepages()) {
                ObjectNode p = pools.addObject();
                p.put("pageSizeBytes", pool.pageSizeBytes());
                p.put("total", pool.total());
                p.put("free", pool.free());
                p.put("surplus", pool.surplus());
            }
            ObjectNode distances = node.putObject("distances");
            if (!numa.distances().isEmpty()) {
                for (int j = 0; j < numa.nodes().size(); j++) {
                    distances.put(String.valueOf(numa.nodes().get(j).osIndex()), numa.distances().get(i).get(j));
                }
            }
        }
        return array;
    }

    /** The findings alone, as the document's {@code findings} array. */
    public ArrayNode findings(List<Finding> findings) {
        ArrayNode array = mapper.createArrayNode();
        for (Finding finding : findings) {
            ObjectNode node = array.addObject();
            node.put("id", finding.id());
            node.put("severity", finding.severity().name().toLowerCase());
            node.put("title", finding.title());
            ArrayNode evidence = node.putArray("evidence");
            for (Evidence e : finding.evidence()) {
                evidence.addObject().put("path", e.path()).put("value", e.value());
            }
            node.put("why", finding.why());
            ArrayNode fixes = node.putArray("fixes");
            for (Fix fix : finding.fixes()) {
                fixes.addObject().put("kind", fix.kind().name().toLowerCase()).put("text", fix.text());
            }
        }
        return array;
    }

    private ArrayNode warnings(List<Diagnostics.Warning> warnings) {
        ArrayNode array = mapper.createArrayNode();
        for (Diagnostics.Warning warning : warnings) {
            ObjectNode node = array.addObject();
            node.put("path", warning.path());
            node.put("problem", warning.problem());
        }
        return array;
    }

    private static OptionalInt indexHolding(List<CpuGroup> groups, Pu pu) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).cpus().contains(pu.osIndex())) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    static void putInt(ObjectNode node, String field, OptionalInt value) {
        if (value.isPresent()) {
            node.put(field, value.getAsInt());
        } else {
            node.putNull(field);
        }
    }

    static void putLong(ObjectNode node, String field, OptionalLong value) {
        if (value.isPresent()) {
            node.put(field, value.getAsLong());
        } else {
            node.putNull(field);
        }
    }
}
