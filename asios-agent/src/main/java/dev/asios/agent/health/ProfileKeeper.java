package dev.asios.agent.health;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.apply.TuneStatus;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.profile.Profile;
import dev.asios.tune.profile.ProfileLoader;
import dev.asios.tune.tunable.Planner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Puts the profile of {@code asios up --profile} in force at start, as {@code asios tune apply}
 * does (journaled first, verified after), unless the journal shows it active already. From then
 * on the tuning-drift rule and the healer keep it in force. Stateless.
 */
final class ProfileKeeper {

    private ProfileKeeper() {
    }

    /**
     * Applies {@code name} unless active; returns what it did, one line.
     *
     * @throws dev.asios.tune.profile.ProfileException if the profile is unknown or bad
     */
    static String ensure(String name, Path profilesDir, Sysroot sysroot, Path journalDir, HostSnapshot host) {
        Profile profile = new ProfileLoader(profilesDir).load(name);
        if (TuneStatus.read(sysroot, journalDir).profiles().contains(name)) {
            return "profile " + name + " is active already; its drift is watched";
        }
        Plan plan = Planner.builtIn().plan(profile, host, sysroot);
        List<Outcome> outcomes = new PlanExecutor(sysroot, journalDir, Clock.systemUTC(), ExecutionListener.NONE).apply(plan);
        List<String> failed = outcomes.stream().filter(o -> !o.ok()).map(o -> o.path() + ": " + o.error().orElseThrow()).toList();
        return "profile " + name + " applied: " + (outcomes.size() - failed.size()) + " of " + outcomes.size() + " changes took"
                + (failed.isEmpty() ? "" : "; failed: " + String.join("; ", failed)) + " (asios tune rollback undoes it; follow-ups such as "
                + "restarting irqbalance are not run by the agent)";
    }
}
