package dev.asios.tune.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates the text of one profile file: known keys only, each of its type and in
 * its bounds, {@code name} equal to the file's name, {@code description} present. Includes are
 * checked for form only; {@link ProfileLoader} resolves them. Stateless and thread-safe.
 */
final class ProfileParser {

    /** Profile names: lower case letters, digits and dashes, as file names. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private static final Set<String> TOP = Set.of("name", "description", "include", "cpu", "memory", "irq", "noise", "io", "network", "boot");
    private static final Set<String> CPU = Set.of("isolate", "housekeepingPerNode", "governor", "energyPerformancePreference", "boost", "maxCstateLatencyUs");
    private static final Set<String> MEMORY = Set.of("thp", "thpDefrag", "khugepagedDefrag", "numaBalancing", "swappiness", "zoneReclaimMode",
            "hugepages", "minFreeKbytes", "dirtyRatio", "dirtyBackgroundRatio");
    private static final Set<String> HUGEPAGE = Set.of("sizeKib", "perNode");
    private static final Set<String> IRQ = Set.of("steerOffIsolated", "pinDevicesToLocalNode", "irqbalanceBanIsolated");
    private static final Set<String> NOISE = Set.of("workqueueOffIsolated", "timerMigration", "statIntervalSeconds", "nmiWatchdog",
            "rtThrottling", "ksm", "holdCpuDmaLatencyUs");
    private static final Set<String> IO = Set.of("nvmeScheduler", "rotationalScheduler", "readAheadKib", "nrRequests");
    private static final Set<String> NETWORK = Set.of("busyPollUs", "socketBufferBytes", "rpsOffIsolated");
    private static final Set<String> BOOT = Set.of("isolcpus", "nohzFull", "rcuNocbs", "iommuPassthrough", "skewTick", "hugepages1g", "maxCstate");

    private ProfileParser() {
    }

    /**
     * Parses {@code text}, the content of {@code file}, which must be named {@code expectedName.yaml}.
     *
     * @throws ProfileException with file, line and reason on any problem
     */
    static ProfileDocument parse(String text, String file, String expectedName, ProfileSource source) {
        MappingReader top = new MappingReader(file, "", YamlTreeReader.read(text, file), TOP);
        String name = top.text("name").orElseThrow(() -> ProfileException.at(file, top.lineOf("name"), "missing 'name'; it must be '" + expectedName + "'"));
        if (!name.equals(expectedName)) {
            throw ProfileException.at(file, top.lineOf("name"), "name '" + name + "' does not match the file name; it must be '" + expectedName + "'");
        }
        String description = top.text("description")
                .orElseThrow(() -> ProfileException.at(file, top.lineOf("description"), "missing 'description': say in one line what the profile is for"));
        List<YamlNode.Scalar> includes = top.names("include").orElse(List.of());
        for (YamlNode.Scalar include : includes) {
            if (!NAME.matcher(include.text()).matches()) {
                throw ProfileException.at(file, include.line(), "include: '" + include.text() + "' is not a profile name (lower case letters, digits, dashes)");
            }
        }
        Profile profile = new Profile(name, description.strip(), source, file, includes.stream().map(YamlNode.Scalar::text).toList(),
                top.node("cpu").map(n -> cpu(MappingReader.of(file, "cpu", n, CPU))).orElse(CpuSettings.NONE),
                top.node("memory").map(n -> memory(MappingReader.of(file, "memory", n, MEMORY))).orElse(MemorySettings.NONE),
                top.node("irq").map(n -> irq(MappingReader.of(file, "irq", n, IRQ))).orElse(IrqSettings.NONE),
                top.node("noise").map(n -> noise(MappingReader.of(file, "noise", n, NOISE))).orElse(NoiseSettings.NONE),
                top.node("io").map(n -> io(MappingReader.of(file, "io", n, IO))).orElse(IoSettings.NONE),
                top.node("network").map(n -> network(MappingReader.of(file, "network", n, NETWORK))).orElse(NetworkSettings.NONE),
                top.node("boot").map(n -> boot(MappingReader.of(file, "boot", n, BOOT))).orElse(BootSettings.NONE));
        return new ProfileDocument(profile, includes);
    }

    private static CpuSettings cpu(MappingReader r) {
        Optional<String> isolate = r.text("isolate").map(String::strip);
        isolate.ifPresent(spec -> {
            try {
                IsolationResolver.checkForm(spec);
            } catch (ProfileException e) {
                throw ProfileException.at(r.file(), r.node("isolate").orElseThrow().line(), e.reason());
            }
        });
        return new CpuSettings(isolate, r.intAtLeast("housekeepingPerNode", 1), r.kernelWord("governor"),
                r.kernelWord("energyPerformancePreference"), r.bool("boost"), r.intAtLeast("maxCstateLatencyUs", 0));
    }

    private static MemorySettings memory(MappingReader r) {
        Optional<Integer> dirtyRatio = r.intIn("dirtyRatio", 0, 100);
        Optional<Integer> dirtyBackgroundRatio = r.intIn("dirtyBackgroundRatio", 0, 100);
        if (dirtyRatio.isPresent() && dirtyBackgroundRatio.isPresent() && dirtyBackgroundRatio.get() > dirtyRatio.get()) {
            throw ProfileException.at(r.file(), r.lineOf("dirtyBackgroundRatio"), "memory.dirtyBackgroundRatio " + dirtyBackgroundRatio.get()
                    + " is above memory.dirtyRatio " + dirtyRatio.get() + "; background writeback must start first");
        }
        return new MemorySettings(
                r.choice("thp", kernelNames(ThpMode.values(), ThpMode::kernelName)),
                r.choice("thpDefrag", kernelNames(ThpDefrag.values(), ThpDefrag::kernelName)),
                r.bool("khugepagedDefrag"), r.bool("numaBalancing"), r.intIn("swappiness", 0, 200), r.intIn("zoneReclaimMode", 0, 7),
                r.list("hugepages").map(items -> hugepages(r, items)), r.longAtLeast("minFreeKbytes", 0), dirtyRatio, dirtyBackgroundRatio);
    }

    private static List<HugepageReservation> hugepages(MappingReader r, List<YamlNode> items) {
        List<HugepageReservation> pools = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            MappingReader pool = MappingReader.of(r.file(), "memory.hugepages[" + i + "]", item, HUGEPAGE);
            Optional<YamlNode> sizeNode = pool.node("sizeKib");
            int sizeKib = pool.intIn("sizeKib", 0, Integer.MAX_VALUE)
                    .filter(HugepageReservation.SIZES_KIB::contains)
                    .orElseThrow(() -> sizeNode.map(n -> pool.wrongType("sizeKib", n, "2048 or 1048576"))
                            .orElseGet(() -> ProfileException.at(r.file(), item.line(), pool.name("sizeKib") + ": missing; expected 2048 or 1048576")));
            int perNode = pool.intAtLeast("perNode", 0)
                    .orElseThrow(() -> ProfileException.at(r.file(), item.line(), pool.name("perNode") + ": missing; expected an integer >= 0"));
            if (pools.stream().anyMatch(p -> p.sizeKib() == sizeKib)) {
                throw ProfileException.at(r.file(), item.line(), "memory.hugepages: size " + sizeKib + " KiB is listed twice");
            }
            pools.add(new HugepageReservation(sizeKib, perNode));
        }
        return pools;
    }

    private static IrqSettings irq(MappingReader r) {
        return new IrqSettings(r.bool("steerOffIsolated"), r.bool("pinDevicesToLocalNode"), r.bool("irqbalanceBanIsolated"));
    }

    private static NoiseSettings noise(MappingReader r) {
        return new NoiseSettings(r.bool("workqueueOffIsolated"), r.bool("timerMigration"), r.intAtLeast("statIntervalSeconds", 1),
                r.bool("nmiWatchdog"), r.bool("rtThrottling"), r.bool("ksm"), r.intAtLeast("holdCpuDmaLatencyUs", 0));
    }

    private static IoSettings io(MappingReader r) {
        return new IoSettings(r.kernelWord("nvmeScheduler"), r.kernelWord("rotationalScheduler"),
                r.intAtLeast("readAheadKib", 0), r.intAtLeast("nrRequests", 1));
    }

    private static NetworkSettings network(MappingReader r) {
        return new NetworkSettings(r.intAtLeast("busyPollUs", 0), r.intAtLeast("socketBufferBytes", 4096), r.bool("rpsOffIsolated"));
    }

    private static BootSettings boot(MappingReader r) {
        return new BootSettings(r.bool("isolcpus"), r.bool("nohzFull"), r.bool("rcuNocbs"), r.bool("iommuPassthrough"),
                r.bool("skewTick"), r.intAtLeast("hugepages1g", 0), r.intAtLeast("maxCstate", 0));
    }

    private static <E> Map<String, E> kernelNames(E[] values, java.util.function.Function<E, String> name) {
        Map<String, E> byName = new LinkedHashMap<>();
        for (E value : values) {
            byName.put(name.apply(value), value);
        }
        return byName;
    }
}
