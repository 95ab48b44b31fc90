package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * All built-in rules, and their evaluation over a snapshot, worst finding first. Thread-safe
 * (rules are stateless).
 */
public final class RuleBook {

    private final List<Rule> rules;

    /** A book of the given rules. */
    public RuleBook(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules ASIOS ships. */
    public static RuleBook builtIn() {
        return new RuleBook(List.of(
                new AcsRedirectRule(),
                new CgroupVersionRule(),
                new DeepCStatesRule(),
                new GovernorRule(),
                new GpuNicLocalityRule(),
                new IommuTranslatedRule(),
                new IrqbalanceIsolationRule(),
                new IrqsOnIsolatedRule(),
                new IsolatedWithoutNohzRule(),
                new LockedMemoryRule(),
                new NmiWatchdogRule(),
                new NoHugepagesRule(),
                new NumaBalancingRule(),
                new NvmeSchedulerRule(),
                new OfflineCpusRule(),
                new OldKernelRule(),
                new PcieLinkDegradedRule(),
                new SwapOnRule(),
                new ThpDefragStallsRule(),
                new ThpDisabledRule(),
                new VirtualizedRule(),
                new ZoneReclaimRule()));
    }

    /** The rules of this book. */
    public List<Rule> rules() {
        return rules;
    }

    /** Every finding on {@code host}, worst first, then by id. */
    public List<Finding> evaluate(HostSnapshot host) {
        return rules.stream()
                .map(rule -> rule.check(host))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::id))
                .toList();
    }
}
