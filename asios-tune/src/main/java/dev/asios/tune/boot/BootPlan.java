package dev.asios.tune.boot;

import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.ValueFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What only a reboot can change: the kernel command-line parameters a profile asks for, those the
 * running kernel already has, and the boot-loader file that would add the rest. A value: printed
 * and tested before anything is written. Immutable.
 *
 * @param profile the profile it comes from
 * @param parameters every parameter the profile asks for, {@code name=value} or a bare flag
 * @param missing those the running kernel's command line does not have (with that value)
 */
public record BootPlan(String profile, List<String> parameters, List<String> missing) {

    /** The drop-in folder GRUB on Debian and Ubuntu reads ({@code update-grub} sources it). */
    public static final String GRUB_DIR = "/etc/default/grub.d";

    /** The tunable id of the drop-in's change, in plans and in the journal. */
    public static final String TUNABLE = "boot";

    private static final String ASSIGNMENT = "GRUB_CMDLINE_LINUX_DEFAULT=\"$GRUB_CMDLINE_LINUX_DEFAULT ";

    /** Creates an immutable copy. */
    public BootPlan {
        parameters = List.copyOf(parameters);
        missing = List.copyOf(missing);
    }

    /** True when the running kernel already has everything the profile asks for at boot. */
    public boolean satisfied() {
        return missing.isEmpty();
    }

    /** Where the drop-in goes: {@code /etc/default/grub.d/99-asios-PROFILE.cfg}. */
    public String grubFile() {
        return GRUB_DIR + "/99-asios-" + profile + ".cfg";
    }

    /** The drop-in that adds {@code missing} to GRUB's default command line. */
    public String grubFileContent() {
        return dropIn(missing);
    }

    /**
     * The change that writes the drop-in, given its content now (empty when there is none). It
     * adds the missing parameters and keeps those the drop-in already adds that the profile still
     * asks for: after a reboot the running kernel has them because of it, and they must stay.
     * Empty when there is nothing to add. Rollback deletes the drop-in, or restores the one found.
     */
    public Optional<Change> change(Optional<String> current) {
        Set<String> kept = current.map(BootPlan::added).orElse(Set.of());
        List<String> adds = parameters.stream().filter(p -> missing.contains(p) || kept.contains(p)).toList();
        if (adds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Change(TUNABLE, Operation.WRITE_FILE, grubFile(), ValueFormat.PLAIN, current.orElse(Operation.ABSENT), dropIn(adds),
                "kernel parameters from the next boot on: " + String.join(" ", adds)));
    }

    private String dropIn(List<String> adds) {
        return "# Boot parameters of the asios tune profile " + profile + ".\n"
                + "# Takes effect after update-grub and a reboot; to undo, delete this file, run update-grub and reboot.\n"
                + ASSIGNMENT + String.join(" ", adds) + "\"\n";
    }

    // Format of the drop-in's assignment: GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT a=1 b"
    /** The parameters a drop-in adds; none when it is not one of ours. */
    private static Set<String> added(String dropIn) {
        return dropIn.lines()
                .filter(line -> line.startsWith(ASSIGNMENT) && line.endsWith("\""))
                .flatMap(line -> Arrays.stream(line.substring(ASSIGNMENT.length(), line.length() - 1).split("\\s+")))
                .filter(p -> !p.isEmpty())
                .collect(Collectors.toSet());
    }
}
