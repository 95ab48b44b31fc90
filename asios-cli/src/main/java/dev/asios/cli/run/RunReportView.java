package dev.asios.cli.run;

import dev.asios.host.sys.PerfCounters;
import dev.asios.host.sys.ResourceUsage;
import dev.asios.run.launch.CgroupUsage;
import dev.asios.run.launch.RunEnvironment;
import dev.asios.run.launch.RunJson;
import dev.asios.run.launch.RunReport;
import dev.asios.run.place.Placement;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.TreeMap;

/** The run report as text (or JSON), and the placement as text, for {@code asios run} and {@code asios runs}. */
final class RunReportView {

    private RunReportView() {
    }

    static void print(RunReport report, boolean json, PrintWriter out) {
        if (json) {
            out.println(new RunJson().report(report).toPrettyString());
            out.flush();
            return;
        }
        out.println("asios run " + report.id() + ": exit " + report.exitCode() + " after " + seconds(report.wallMillis() * 1000) + " s");
        printPlacement(report.placement(), out);
        ResourceUsage p = report.process();
        CgroupUsage c = report.cgroup();
        PerfCounters.Snapshot perf = report.perf().orElse(null);
        out.println("  cpu time    user " + seconds(p.userMicros()) + " s, system " + seconds(p.systemMicros()) + " s"
                + "   cgroup: user " + secondsOf(c.cpuUserMicros()) + " s, system " + secondsOf(c.cpuSystemMicros()) + " s, total " + secondsOf(c.cpuTotalMicros()) + " s"
                + (perf == null ? "" : "   perf task-clock " + seconds(perf.taskClockNanos() / 1000) + " s"));
        out.println("  memory      max RSS " + (report.peakRssKib().isPresent() ? mib(report.peakRssKib().getAsLong() * 1024) + " MiB" : "-") + "   cgroup peak " + (c.memoryPeakBytes().isPresent() ? mib(c.memoryPeakBytes().getAsLong()) + " MiB" : "-"));
        out.println("  faults      minor " + p.minorFaults() + ", major " + p.majorFaults() + "   cgroup " + text(c.pageFaults()) + " / " + text(c.majorFaults())
                + (perf == null ? "" : "   perf " + perf.pageFaults()));
        out.println("  switches    voluntary " + p.voluntarySwitches() + ", involuntary " + p.involuntarySwitches()
                + (perf == null ? "" : "   perf " + perf.contextSwitches()));
        out.println("  migrations  " + (perf == null ? "-" : String.valueOf(perf.cpuMigrations())) + " (perf)");
        out.println("  throttled   " + text(c.throttledPeriods()) + " periods, " + secondsOf(c.throttledMicros()) + " s (cgroup)");
        var perCpu = perf != null ? perf.perCpuNanos() : c.perCpuNanos();
        StringBuilder times = new StringBuilder();
        new TreeMap<>(perCpu).forEach((cpu, nanos) -> {
            if (nanos > 0) {
                times.append(times.isEmpty() ? "" : ", ").append("cpu").append(cpu).append(' ').append(seconds(nanos / 1000)).append(" s");
            }
        });
        out.println("  per CPU     " + (times.isEmpty() ? "-" : times) + (report.cpusUsed().isEmpty() ? ""
                : report.cpusOutsidePlacement().isEmpty() ? "   ran only on its CPUs" : "   ALSO RAN ON " + report.cpusOutsidePlacement().toList()));
        report.perfUnavailable().ifPresent(why -> out.println("  note        perf counters unavailable: " + why));
        report.notes().forEach(note -> out.println("  note        " + note));
        out.flush();
    }

    static void printPlacement(Placement placement, PrintWriter out) {
        out.println("placement (score " + String.format(Locale.ROOT, "%.2f", placement.score()) + ")");
        out.println("  GPUs        " + (placement.gpus().isEmpty() ? "none" : RunEnvironment.describe(placement.gpus())));
        out.println("  CPUs        " + placement.cpus().toList() + " (" + placement.cpus().size() + ")");
        out.println("  memory      node(s) " + placement.memoryNodes().toList() + ", " + placement.policy().name().toLowerCase(Locale.ROOT));
        placement.nic().ifPresent(nic -> out.println("  NIC         " + nic.netDevice() + nic.rdmaDevice().map(r -> " (" + r + ")").orElse("")
                + ", " + nic.linkToGpus().label() + " to the GPUs"));
        placement.reasons().forEach(reason -> out.println("  why         " + reason));
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1e6);
    }

    private static String secondsOf(OptionalLong micros) {
        return micros.isPresent() ? seconds(micros.getAsLong()) : "-";
    }

    private static String text(OptionalLong value) {
        return value.isPresent() ? String.valueOf(value.getAsLong()) : "-";
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
