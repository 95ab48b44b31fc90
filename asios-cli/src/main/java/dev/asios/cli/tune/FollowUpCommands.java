package dev.asios.cli.tune;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.boot.BootPlan;
import dev.asios.tune.tunable.IrqbalanceConfigTunable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What must run after an apply, repair or rollback changed configuration files, for the change to
 * take effect: irqbalance reads its environment file only when it starts, and a GRUB drop-in
 * counts only once the boot loader's configuration is made again and the host reboots. Maps the
 * changed paths to commands; runs them on the running host, each within {@value #TIMEOUT_SECONDS}
 * seconds; names them on a recorded tree; prints one line each. Stateless.
 */
final class FollowUpCommands {

    private static final long TIMEOUT_SECONDS = 120;
    private static final List<String> SYSTEM_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private FollowUpCommands() {
    }

    /**
     * One thing to do after files changed.
     *
     * @param subject what it is for, as its line starts: {@code irqbalance}, {@code boot loader}
     * @param command the command to run; empty when this host has none for it
     * @param done what the line says after the command succeeded
     * @param byHand what to do when the command fails, or, without a command, why there is none and what to do
     */
    record FollowUp(String subject, List<String> command, String done, String byHand) {

        /** Creates an immutable copy. */
        FollowUp {
            command = List.copyOf(command);
        }
    }

    /**
     * The follow-ups of the changed host paths, each once; none when nothing follows them.
     * {@code available} says whether a command can run here (for {@code systemctl}: whether
     * systemd runs the host).
     */
    static List<FollowUp> forPaths(Collection<String> changed, Predicate<String> available) {
        List<FollowUp> followUps = new ArrayList<>();
        if (changed.stream().anyMatch(IrqbalanceConfigTunable.FILES::contains)) {
            followUps.add(available.test("systemctl")
                    ? new FollowUp("irqbalance", List.of("systemctl", "try-restart", "irqbalance.service"), "it reads its new environment",
                            "restart irqbalance by hand so that it reads its new environment")
                    : new FollowUp("irqbalance", List.of(), "",
                            "no systemd here (a container?): irqbalance must be restarted by hand to read its new environment"));
        }
        if (changed.stream().anyMatch(path -> path.startsWith(BootPlan.GRUB_DIR + "/"))) {
            List<String> command = available.test("update-grub") ? List.of("update-grub")
                    : available.test("grub2-mkconfig") ? List.of("grub2-mkconfig", "-o", "/boot/grub2/grub.cfg") : List.of();
            followUps.add(new FollowUp("boot loader", command, "reboot for the new kernel command line to take effect",
                    command.isEmpty() ? "neither update-grub nor grub2-mkconfig is here: make the GRUB configuration by hand, then reboot"
                            : "make the GRUB configuration by hand, then reboot"));
        }
        return followUps;
    }

    /**
     * Runs the follow-ups of the files that {@code outcomes} changed when {@code sysroot} is the
     * running host, or names them on a recorded tree, printing one line each.
     *
     * @return false when a command ran and failed (or did not finish in time)
     */
    static boolean after(Sysroot sysroot, List<Outcome> outcomes, PrintWriter out) {
        List<String> changed = outcomes.stream().filter(Outcome::ok).map(Outcome::path).toList();
        boolean host = sysroot.isHost();
        boolean allDone = true;
        for (FollowUp followUp : forPaths(changed, host ? FollowUpCommands::availableHere : command -> true)) {
            String command = String.join(" ", followUp.command());
            if (followUp.command().isEmpty()) {
                out.println(followUp.subject() + ": " + followUp.byHand());
            } else if (!host) {
                out.println(followUp.subject() + ": not run on a --sysroot tree: " + command);
            } else {
                Optional<String> failure = run(followUp.command());
                allDone &= failure.isEmpty();
                out.println(followUp.subject() + ": " + failure.map(why -> "'" + command + "' failed (" + why + "): " + followUp.byHand())
                        .orElse("ran '" + command + "': " + followUp.done()));
            }
        }
        out.flush();
        return allDone;
    }

    /** True when {@code command} is an executable here; for {@code systemctl}, also that systemd runs the host. */
    private static boolean availableHere(String command) {
        return locate(command).isPresent() && (!command.equals("systemctl") || Sysroot.host().isDirectory("/run/systemd/system"));
    }

    /** The executable named {@code command} on the PATH or in the system's usual folders (sudo may leave sbin off the PATH). */
    private static Optional<Path> locate(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Stream.of(path.split(":")), SYSTEM_DIRS.stream())
                .filter(dir -> dir.startsWith("/"))
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Runs a command with nothing on its input; empty when it exits 0, else why not, with its last line of output. */
    private static Optional<String> run(List<String> command) {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, locate(command.getFirst()).map(Path::toString).orElse(command.getFirst()));
        try {
            Process process = new ProcessBuilder(resolved).redirectErrorStream(true).start();
            process.getOutputStream().close();
            FutureTask<String> output = new FutureTask<>(() -> new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            Thread.ofVirtual().start(output);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("no end after " + TIMEOUT_SECONDS + " s; stopped");
            }
            if (process.exitValue() == 0) {
                return Optional.empty();
            }
            return Optional.of("exit " + process.exitValue() + lastLine(output).map(line -> ": " + line).orElse(""));
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** The last line the command printed, if it closed its output soon after it exited. */
    private static Optional<String> lastLine(FutureTask<String> output) throws InterruptedException {
        try {
            return output.get(5, TimeUnit.SECONDS).lines().map(String::strip).filter(line -> !line.isEmpty()).reduce((first, second) -> second);
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }
}
