package dev.asios.cli.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.asios.agent.json.InspectJson;
import dev.asios.host.findings.Finding;
import dev.asios.host.findings.RuleBook;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.sysroot.Diagnostics;
import dev.asios.host.sysroot.Sysroot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code asios inspect}: reads the host (or a recorded sysroot) and prints its topology, kernel
 * state and findings. Exit code 0 when it could read the tree, whatever it found; 3 when the
 * sysroot is not a Linux tree.
 */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the host as data: CPUs, caches, NUMA nodes, memory, PCI devices, block devices and kernel state,",
            "then findings: what on this host hurts AI work, with the evidence and the fix."
        })
public final class InspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--sysroot", paramLabel = "DIR", description = "Read a recorded tree (a folder with proc/ and sys/) instead of this host. Default: /.")
    private Path sysroot;

    @Option(names = "--json", description = "Print JSON (schema in docs/inspect-json.md) instead of the tree.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Sysroot root = sysroot == null ? Sysroot.host() : Sysroot.of(sysroot);
        HostSnapshot host = new HostInspector(root).inspect();
        List<Finding> findings = RuleBook.builtIn().evaluate(host);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            InspectJson renderer = new InspectJson();
            out.println(renderer.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(renderer.render(host, findings)));
        } else {
            StringBuilder text = new StringBuilder();
            TopologyTextView.render(host, text);
            KernelTextView.render(host.kernel(), text);
            FindingsTextView.render(findings, text);
            renderWarnings(host, text);
            out.print(text);
        }
        out.flush();
        return 0;
    }

    private static void renderWarnings(HostSnapshot host, StringBuilder out) {
        if (host.warnings().isEmpty()) {
            return;
        }
        out.append("\nWarnings (files that could not be read as expected; everything else above is complete)\n");
        for (Diagnostics.Warning warning : host.warnings()) {
            out.append("  ").append(warning).append('\n');
        }
    }
}
