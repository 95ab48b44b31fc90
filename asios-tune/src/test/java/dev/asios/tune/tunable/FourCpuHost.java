package dev.asios.tune.tunable;

import dev.asios.host.inspect.HostInspector;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.profile.ProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The small host the tests of one tunable plan on: four online CPUs of one core each, on one package. */
final class FourCpuHost {

    private static final String CPU = "/sys/devices/system/cpu";

    private FourCpuHost() {
    }

    /** The host's CPU files under {@code root}, for a test to add what its tunable reads. */
    static SysfsTree tree(Path root) {
        SysfsTree tree = new SysfsTree(root).file(CPU + "/online", "0-3\n");
        for (int cpu = 0; cpu < 4; cpu++) {
            tree.file(CPU + "/cpu" + cpu + "/topology/core_cpus", Integer.toHexString(1 << cpu) + "\n")
                    .file(CPU + "/cpu" + cpu + "/topology/package_cpus", "f\n");
        }
        return tree;
    }

    /** The plan of {@code tunable} on {@code sysroot} for the profile {@code yaml}, written as {@code profiles/NAME.yaml}. */
    static Plan plan(Tunable tunable, Sysroot sysroot, Path profiles, String name, String yaml) throws IOException {
        Files.writeString(Files.createDirectories(profiles).resolve(name + ".yaml"), yaml);
        return new Planner(List.of(tunable)).plan(new ProfileLoader(profiles).load(name), new HostInspector(sysroot).inspect(), sysroot);
    }
}
