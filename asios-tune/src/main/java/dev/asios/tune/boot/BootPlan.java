package dev.asios.tune.boot;

import java.util.List;

/**
 * What only a reboot can change: the kernel command-line parameters a profile asks for, those the
 * running kernel already has, and the boot-loader file that would add the rest. A value: printed
 * and tested before anything is written. Immutable.
 *
 * @param parameters every parameter the profile asks for, {@code name=value} or a bare flag
 * @param missing those the running kernel's command line does not have (with that value)
 * @param grubFile where the drop-in goes
 * @param grubFileContent the drop-in that adds {@code missing} to GRUB's default command line
 */
public record BootPlan(List<String> parameters, List<String> missing, String grubFile, String grubFileContent) {

    /** The drop-in folder GRUB on Debian and Ubuntu reads ({@code update-grub} sources it). */
    public static final String GRUB_DIR = "/etc/default/grub.d";

    /** Creates an immutable copy. */
    public BootPlan {
        parameters = List.copyOf(parameters);
        missing = List.copyOf(missing);
    }

    /** True when the running kernel already has everything the profile asks for at boot. */
    public boolean satisfied() {
        return missing.isEmpty();
    }
}
