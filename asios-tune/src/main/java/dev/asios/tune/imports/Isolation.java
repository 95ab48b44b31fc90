package dev.asios.tune.imports;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CPU isolation, which tuned spreads over several plugins ({@code [scheduler] isolated_cores},
 * {@code isolcpus}, {@code nohz_full} and {@code rcu_nocbs} on the kernel command line,
 * {@code [irqbalance] banned_cpus}), decided as ASIOS keeps it: one CPU set,
 * {@code cpu.isolate}, and switches that apply it to the CPUs of that set.
 *
 * <p>The set comes from {@code isolated_cores}; without it, from the first switch whose CPU list
 * needs nothing from tuned. A switch is imported when its CPU list is that set: the same text
 * (also when the text is a variable no one defined) or the same CPUs. Not thread-safe.
 */
final class Isolation {

    private static final String ISOLATE = "cpu.isolate";

    private final List<Claim> claims = new ArrayList<>();

    private record Claim(String key, String cpus, TunedSetting from) {
    }

    /** {@code [scheduler] isolated_cores}: the CPUs to isolate. */
    void isolatedCores(TunedSetting from) {
        claims.add(new Claim(ISOLATE, from.value().strip(), from));
    }

    /** A switch, {@code key} (a boolean ASIOS setting), that tuned applies to {@code cpus}. */
    void applyTo(String key, String cpus, TunedSetting from) {
        claims.add(new Claim(key, cpus.strip(), from));
    }

    /** Sets {@code cpu.isolate} and the switches on {@code draft}, or says why not. */
    void decide(ProfileDraft draft) {
        Optional<Claim> base = claims.stream().filter(c -> c.key().equals(ISOLATE)).findFirst()
                .or(() -> claims.stream().filter(c -> cpus(c.cpus()).isPresent()).findFirst())
                .or(() -> claims.stream().findFirst());
        if (base.isEmpty()) {
            return;
        }
        String text = base.get().cpus();
        Optional<CpuSet> set = cpus(text);
        if (!base.get().key().equals(ISOLATE)) {
            set.ifPresent(cpus -> draft.set(ISOLATE, cpus.toList(), base.get().from(), "the CPUs tuned gives this kernel parameter"));
        }
        for (Claim claim : claims) {
            Optional<CpuSet> own = cpus(claim.cpus());
            if (!claim.cpus().equals(text) && !(set.isPresent() && own.equals(set))) {
                draft.skip(claim.from(), own.isEmpty() ? notACpuList(claim.cpus())
                        : "its CPUs " + claim.cpus() + " differ from cpu.isolate " + text + "; ASIOS applies every isolation setting to the CPUs of cpu.isolate");
            } else if (!claim.key().equals(ISOLATE)) {
                draft.set(claim.key(), true, claim.from(), set.isPresent() ? "" : "for the CPUs of cpu.isolate, which this import could not set");
            } else if (set.isPresent()) {
                draft.set(ISOLATE, set.get().toList(), claim.from(), "");
            } else {
                draft.skip(claim.from(), notACpuList(text) + "; set cpu.isolate by hand: a CPU list such as 2-7, or auto");
            }
        }
    }

    private static Optional<CpuSet> cpus(String text) {
        if (TunedVariables.unresolved(text).isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CpuSet.parseList(text)).filter(set -> !set.isEmpty());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static String notACpuList(String text) {
        return TunedVariables.unresolved(text).orElse("'" + text + "' is not a CPU list such as 2-7,10");
    }
}
