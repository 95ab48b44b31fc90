package dev.asios.cli.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.run.launch.CgroupLayout;
import dev.asios.run.launch.HugepageMode;
import dev.asios.run.launch.LaunchSpec;
import dev.asios.run.launch.RunCgroup;
import dev.asios.run.launch.RunJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code asios run --dry-run}: the placement and everything the launch would do, as text or JSON. */
final class DryRunView {

    private final boolean json;
    private final PrintWriter out;

    DryRunView(boolean json, PrintWriter out) {
        this.json = json;
        this.out = out;
    }

    void print(LaunchSpec spec, CgroupLayout layout, HugepageMode hugepages, Map<String, String> added) {
        Map<String, List<String>> cgroups = RunCgroup.plan(layout, spec.id(), spec.isolated(), spec.limits());
        String policy = spec.placement().policy().name().toLowerCase(java.util.Locale.ROOT) + " on node(s) " + spec.placement().memoryNodes().toList();
        String scheduling = spec.realtimePriority().isPresent() ? "SCHED_FIFO priority " + spec.realtimePriority().getAsInt() : "SCHED_OTHER (normal)";
        if (json) {
            ObjectNode root = new RunJson().placement(spec.placement());
            ObjectNode launch = root.putObject("launch");
            ObjectNode folders = launch.putObject("cgroups");
            cgroups.forEach((folder, writes) -> writes.forEach(folders.putArray(folder)::add));
            layout.missing().forEach(c -> launch.withArray("missingControllers").add(c.v1Name()));
            launch.put("memoryPolicy", policy).put("scheduling", scheduling).put("mlock", spec.mlock()).put("hugepages", hugepages.name().toLowerCase(java.util.Locale.ROOT));
            added.forEach(launch.putObject("environment")::put);
            spec.command().forEach(launch.putArray("command")::add);
            out.println(root.toPrettyString());
        } else {
            RunReportView.printPlacement(spec.placement(), out);
            out.println("launch (dry run: nothing is made)");
            cgroups.forEach((folder, writes) -> out.println("  cgroup      " + folder + (writes.isEmpty() ? "" : "  " + String.join(", ", writes))));
            layout.missing().forEach(c -> out.println("  missing     no " + c.v1Name() + " controller mounted: its limits are left out"));
            out.println("  memory      " + policy + (spec.mlock() ? ", locked (mlockall)" : "") + (hugepages == HugepageMode.NONE ? "" : ", malloc on " + hugepages.name()));
            out.println("  scheduling  " + scheduling);
            new TreeMap<>(added).forEach((name, value) -> out.println("  env         " + name + "=" + value));
            out.println("  exec        " + String.join(" ", spec.command()));
        }
        out.flush();
    }
}
