package dev.asios.cli.tune;

import dev.asios.cli.UserException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.boot.BootPlan;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code asios tune apply}: journals, applies and verifies a profile; with {@code --boot}, writes its boot plan too. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Applies a profile: journals each original value to disk, writes the new one, reads it back.",
            "Prints what changed and what this host cannot take and why. Exit 1 only if a setting that exists or a follow-up command failed."})
public final class TuneApplyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TuneOptions options;

    @Mixin
    private ProfileOptions profiles;

    @Mixin
    private PlannedProfile profile;

    @Option(names = "--boot", description = {"Also write the boot plan's GRUB drop-in under " + BootPlan.GRUB_DIR
        + " (journaled: rollback deletes or restores it) and run update-grub.", "The kernel parameters take effect after a reboot."})
    boolean boot;

    @Override
    public Integer call() {
        options.requireRootForHost("apply");
        Sysroot sysroot = options.sysroot();
        var plans = profile.plan(sysroot, profiles);
        Plan plan = boot ? withBootChange(plans, sysroot) : plans.runtime();
        if (!options.json) {
            PlanOutput.printText(plans.runtime(), plans.boot(), boot, spec.commandLine().getOut());
        }
        var outcomes = new PlanExecutor(sysroot, options.journal, Clock.systemUTC(), ExecutionListener.NONE).apply(plan);
        return OutcomeOutput.printAndFollowUp("apply", sysroot, outcomes, options.json, spec.commandLine());
    }

    /** The runtime plan with the boot plan's drop-in written last; refused, before anything is touched, without a drop-in folder. */
    private static Plan withBootChange(PlannedProfile.Plans plans, Sysroot sysroot) {
        BootPlan boot = plans.boot();
        Optional<Change> dropIn = boot.change(sysroot.read(boot.grubFile()));
        if (dropIn.isEmpty()) {
            return plans.runtime();
        }
        if (!sysroot.isDirectory(BootPlan.GRUB_DIR)) {
            throw new UserException("no GRUB drop-in folder " + BootPlan.GRUB_DIR + ": this host does not boot with Debian-style GRUB; "
                    + "add these parameters to your boot loader by hand: " + String.join(" ", boot.missing()));
        }
        List<Change> changes = new ArrayList<>(plans.runtime().changes());
        changes.add(dropIn.get());
        return new Plan(plans.runtime().profile(), changes, plans.runtime().skipped());
    }
}
