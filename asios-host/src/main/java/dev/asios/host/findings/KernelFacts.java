package dev.asios.host.findings;

import dev.asios.host.kernel.KernelChoice;
import java.util.stream.Collectors;

/** How kernel values are shown as evidence: as the kernel itself writes them. */
final class KernelFacts {

    private KernelFacts() {
    }

    /** A choice file as the kernel prints it: {@code always [madvise] never}. */
    static String bracketed(KernelChoice choice) {
        return choice.available().stream().map(a -> a.equals(choice.selected()) ? "[" + a + "]" : a).collect(Collectors.joining(" "));
    }
}
