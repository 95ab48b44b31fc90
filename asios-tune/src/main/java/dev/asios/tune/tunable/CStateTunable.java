package dev.asios.tune.tunable;

import dev.asios.host.kernel.CState;
import dev.asios.tune.plan.ValueFormat;

/** Disables, on every online CPU, the idle states whose exit latency is above the profile's bound. */
public final class CStateTunable implements Tunable {

    @Override
    public String id() {
        return "cpu.maxCstateLatencyUs";
    }

    @Override
    public Result plan(TuneContext context) {
        var bound = context.profile().cpu().maxCstateLatencyUs();
        if (bound.isEmpty()) {
            return Result.NONE;
        }
        var states = context.host().kernel().cpuPower().idle().states();
        if (states.isEmpty()) {
            return Result.skipped(id(), "no cpuidle states on this host: nothing to limit");
        }
        Results results = new Results();
        for (CState state : states) {
            if (state.exitLatencyUs() <= bound.get()) {
                continue;
            }
            context.host().cpu().onlineCpus().stream().forEach(cpu -> results.add(Tunable.fileChange(context, id(),
                    "/sys/devices/system/cpu/cpu" + cpu + "/cpuidle/state" + state.index() + "/disable", ValueFormat.PLAIN, "1",
                    state.name() + " exits in " + state.exitLatencyUs() + " us, above " + bound.get() + " us")));
        }
        return results.result();
    }
}
