package dev.asios.health.heal.neighbour;

import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses {@code /proc/PID/cgroup}: which cgroup a task is in, in each hierarchy. Pure. */
final class ProcCgroupParser {

    /**
     * One line: the hierarchy's controllers (empty for v2's unified one; {@code name=systemd} kept
     * as written) and the cgroup's path in it.
     */
    record Membership(List<String> controllers, String path) {

        Membership {
            controllers = List.copyOf(controllers);
        }
    }

    private ProcCgroupParser() {
    }

    // Format: "4:memory:/batch/job-7\n2:cpu,cpuacct:/\n0::/user.slice/session-1.scope\n" (id:controllers:path)
    /**
     * The memberships of a {@code /proc/PID/cgroup} file, in file order; blank lines are skipped.
     *
     * @throws ParseException if a line has not the three fields, or its path is not a plain absolute
     *     path (one with {@code .} or {@code ..} steps, as a cgroup namespace shows, would lead
     *     outside the hierarchy); the message quotes the line
     */
    static List<Membership> parse(String text) {
        List<Membership> memberships = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int first = line.indexOf(':');
            int second = first < 0 ? -1 : line.indexOf(':', first + 1);
            String path = second < 0 ? "" : line.substring(second + 1);
            if (second < 0 || !plainAbsolute(path)) {
                throw new ParseException("expected 'id:controllers:/path', found '" + abbreviate(line) + "'");
            }
            String controllers = line.substring(first + 1, second);
            memberships.add(new Membership(controllers.isEmpty() ? List.of() : Arrays.asList(controllers.split(",")), path));
        }
        return memberships;
    }

    private static boolean plainAbsolute(String path) {
        String ended = path + "/";
        return path.startsWith("/") && !path.contains("//") && !ended.contains("/../") && !ended.contains("/./");
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }
}
