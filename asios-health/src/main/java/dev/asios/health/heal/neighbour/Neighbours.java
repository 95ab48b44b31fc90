package dev.asios.health.heal.neighbour;

import java.util.List;

/** Finds the cgroup that causes a pressure. Implementations say whether they are thread-safe. */
@FunctionalInterface
public interface Neighbours {

    /** For hosts without cgroups: finds nothing, saying so. */
    Neighbours NONE = (resource, protect) -> {
        throw new IllegalStateException("no cgroup hierarchy is mounted to look for the cgroup behind the " + resource.wireName() + " pressure in");
    };

    /**
     * The cgroup that uses the most of {@code resource} now, leaving out the protected ones.
     *
     * @param protect globs of cgroup paths never chosen (the policy's {@code protect})
     * @throws IllegalStateException saying why, when no cgroup can be chosen
     */
    Neighbour busiest(PressureResource resource, List<String> protect);
}
