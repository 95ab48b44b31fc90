package dev.asios.run.launch;

import dev.asios.host.kernel.CgroupMount;
import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.kernel.Cgroups;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each controller a run uses lives: on cgroup v2 where the unified hierarchy offers it, else
 * in the v1 hierarchy that mounts it. Ubuntu 22.04 and later have one v2 hierarchy with them all;
 * a hybrid host (v1 controllers beside an almost empty v2) has one v1 hierarchy per controller,
 * or per group of co-mounted ones. Immutable.
 *
 * @param hierarchies the hierarchies a run makes a cgroup in, each with the controllers used there
 * @param missing the controllers no mounted hierarchy offers (their limits cannot be applied)
 */
public record CgroupLayout(List<Hierarchy> hierarchies, Set<Controller> missing) {

    /**
     * One hierarchy and the controllers a run uses in it.
     *
     * @param version v1 or v2
     * @param mountPoint where it is mounted, for example {@code /sys/fs/cgroup} or {@code /sys/fs/cgroup/cpuset}
     * @param controllers the controllers used in it
     */
    public record Hierarchy(CgroupVersion version, String mountPoint, Set<Controller> controllers) {

        /** Creates an immutable copy. */
        public Hierarchy {
            controllers = Set.copyOf(controllers);
        }

        /** True when the run's cpuset is in this hierarchy. */
        public boolean hasCpuset() {
            return controllers.contains(Controller.CPUSET);
        }
    }

    /** Creates an immutable copy. */
    public CgroupLayout {
        hierarchies = List.copyOf(hierarchies);
        missing = Set.copyOf(missing);
    }

    /** The layout of the mounted hierarchies. */
    public static CgroupLayout of(Cgroups cgroups) {
        Optional<CgroupMount> unified = cgroups.mounts().stream().filter(m -> m.version() == CgroupVersion.V2).findFirst();
        Map<CgroupMount, Set<Controller>> used = new LinkedHashMap<>();
        Set<Controller> missing = EnumSet.noneOf(Controller.class);
        for (Controller controller : Controller.values()) {
            Optional<CgroupMount> v1 = cgroups.mounts().stream()
                    .filter(m -> m.version() == CgroupVersion.V1 && m.controllers().contains(controller.v1Name())).findFirst();
            Optional<CgroupMount> v2 = unified.filter(m -> controller.v2Name().map(m.controllers()::contains).orElse(false));
            Optional<CgroupMount> chosen = v2.isPresent() ? v2 : v1;
            if (chosen.isPresent()) {
                used.computeIfAbsent(chosen.get(), m -> EnumSet.noneOf(Controller.class)).add(controller);
            } else if (controller.v2Name().isPresent() || unified.isEmpty()) {
                missing.add(controller);
            }
        }
        List<Hierarchy> hierarchies = new ArrayList<>();
        used.forEach((mount, controllers) -> hierarchies.add(new Hierarchy(mount.version(), mount.mountPoint(), controllers)));
        if (hierarchies.isEmpty()) {
            unified.ifPresent(m -> hierarchies.add(new Hierarchy(CgroupVersion.V2, m.mountPoint(), Set.of())));
        }
        return new CgroupLayout(hierarchies, missing);
    }

    /** This layout without the hierarchy of {@code controller} (and the controllers mounted with it). */
    public CgroupLayout without(Controller controller) {
        return new CgroupLayout(hierarchies.stream().filter(h -> !h.controllers().contains(controller)).toList(), missing);
    }

    /** The hierarchy of {@code controller}, if one offers it. */
    public Optional<Hierarchy> of(Controller controller) {
        return hierarchies.stream().filter(h -> h.controllers().contains(controller)).findFirst();
    }
}
