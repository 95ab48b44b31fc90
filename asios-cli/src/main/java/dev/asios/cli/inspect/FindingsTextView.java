package dev.asios.cli.inspect;

import dev.asios.host.findings.Evidence;
import dev.asios.host.findings.Finding;
import dev.asios.host.findings.Fix;
import java.util.List;

/** The human view of findings: worst first, each with its evidence, why it matters and the fix. */
final class FindingsTextView {

    private FindingsTextView() {
    }

    static void render(List<Finding> findings, StringBuilder out) {
        out.append("\nFindings");
        if (findings.isEmpty()) {
            out.append(": none; nothing on this host is known to hurt AI work\n");
            return;
        }
        out.append(" (").append(findings.size()).append(", worst first)\n");
        for (Finding finding : findings) {
            out.append("  [").append(finding.severity()).append("] ").append(finding.id()).append(": ").append(finding.title()).append('\n');
            for (Evidence evidence : finding.evidence()) {
                out.append("      evidence: ").append(evidence.path()).append(" = ").append(evidence.value()).append('\n');
            }
            out.append("      why: ").append(finding.why()).append('\n');
            for (Fix fix : finding.fixes()) {
                out.append("      fix (").append(fix.kind().name().toLowerCase().replace('_', ' ')).append("): ").append(fix.text()).append('\n');
            }
        }
    }
}
