package dev.asios.health.heal.neighbour;

import dev.asios.run.launch.Controller;
import java.util.Map;

/**
 * The cgroup found to cause a pressure, and its folders where it can be held back. Immutable.
 *
 * @param resource the pressure it was chosen for
 * @param cgroup its folder in the hierarchy where that resource is counted
 * @param controls its folders in the hierarchies of {@link Controller#CPU}, {@link Controller#IO}
 *     and {@link Controller#MEMORY}, those it has outside the root and the protected cgroups (on
 *     v2 the same folder for all three)
 * @param evidence why it was chosen, in words with the numbers
 */
public record Neighbour(PressureResource resource, CgroupFolder cgroup, Map<Controller, CgroupFolder> controls, String evidence) {

    /** Copies the map. */
    public Neighbour {
        controls = Map.copyOf(controls);
    }

    /** The subject of actions on it: {@code cgroup/system.slice/backup.service}. */
    public String subject() {
        return "cgroup" + cgroup.path();
    }
}
