package dev.asios.health.heal.neighbour;

import dev.asios.health.heal.neighbour.ProcCgroupParser.Membership;
import dev.asios.host.kernel.CgroupVersion;
import dev.asios.run.launch.CgroupLayout.Hierarchy;
import dev.asios.run.launch.Controller;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;

/**
 * The cgroups never throttled: the root of a hierarchy, {@code /init.scope}, the agent's own
 * cgroup, the cgroups of ASIOS runs and those below them, and those the policy's {@code protect}
 * globs match; a cgroup that holds the agent's or a run's (an ancestor) is protected too, since
 * throttling it throttles them. Immutable, thread-safe.
 */
final class ProtectedCgroups {

    private final List<PathMatcher> globs;
    private final List<String> globTexts;
    private final List<Membership> agent;
    private final List<String> runFolders;

    /**
     * @param globs the policy's globs, checked by its parser
     * @param agent the agent's memberships ({@code /proc/self/cgroup})
     * @param runFolders the host paths of the runs' cgroup folders
     */
    ProtectedCgroups(List<String> globs, List<Membership> agent, List<String> runFolders) {
        this.globs = globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        this.globTexts = List.copyOf(globs);
        this.agent = List.copyOf(agent);
        this.runFolders = List.copyOf(runFolders);
    }

    /** Why {@code folder} of {@code hierarchy} is protected, or empty when it may be throttled. */
    Optional<String> why(CgroupFolder folder, Hierarchy hierarchy) {
        if (folder.isRoot()) {
            return Optional.of("the root of " + folder.mountPoint());
        }
        if (folder.path().equals("/init.scope")) {
            return Optional.of("init.scope");
        }
        Optional<String> own = pathIn(agent, hierarchy).filter(p -> sameOrAbove(folder.path(), p));
        if (own.isPresent()) {
            return Optional.of("the agent's own cgroup " + own.get());
        }
        Optional<String> run = runFolders.stream().filter(r -> sameOrAbove(folder.hostPath(), r) || sameOrAbove(r, folder.hostPath())).findFirst();
        if (run.isPresent()) {
            return Optional.of("the ASIOS run in " + run.get());
        }
        for (int i = 0; i < globs.size(); i++) {
            if (matches(globs.get(i), folder.path())) {
                return Optional.of("protected by the policy (" + globTexts.get(i) + ")");
            }
        }
        return Optional.empty();
    }

    /** The path of the memberships' cgroup in {@code hierarchy}, if they have one there. */
    static Optional<String> pathIn(List<Membership> memberships, Hierarchy hierarchy) {
        return memberships.stream().filter(m -> hierarchy.version() == CgroupVersion.V2
                ? m.controllers().isEmpty()
                : hierarchy.controllers().stream().map(Controller::v1Name).anyMatch(m.controllers()::contains))
                .map(Membership::path).findFirst();
    }

    /** Whether {@code folder} is {@code other} or holds it. */
    private static boolean sameOrAbove(String folder, String other) {
        return folder.equals(other) || other.startsWith(folder.endsWith("/") ? folder : folder + "/");
    }

    private static boolean matches(PathMatcher glob, String path) {
        try {
            return glob.matches(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
