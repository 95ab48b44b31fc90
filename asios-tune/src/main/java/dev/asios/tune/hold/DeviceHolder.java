package dev.asios.tune.hold;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.plan.Operation;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps a device file open with a value written to it, in a detached process that outlives
 * ASIOS. This is what {@code /dev/cpu_dma_latency} needs: the kernel keeps a PM QoS request only
 * while the file that made it stays open.
 *
 * <p>The holder is a small {@code bash} process in its own session (stdin and stdout on
 * {@code /dev/null}) that opens the device, writes the value as a hexadecimal string (the kernel
 * reads a write of any length but 4 bytes as hex), writes its own pid file under
 * {@value #PID_FOLDER} and sleeps until SIGTERM. It is found again through that pid file and its
 * command line, so a pid reused by another process is never taken for it. {@code /run} is
 * emptied at boot, as the kernel's request is.
 *
 * <p>Thread-safety: none; one ASIOS command changes the host at a time.
 */
public final class DeviceHolder {

    /** The folder, under the sysroot, of the holders' pid files. */
    public static final String PID_FOLDER = "/run/asios/hold";

    /** The holder's {@code $0}, which marks it in the process table. */
    static final String MARKER = "asios-hold";

    // $1 device, $2 value, $3 pid file. Errors before the pid file reach the caller; then silence.
    private static final String SCRIPT = """
            mkdir -p "${3%/*}" || exit 1
            exec 3>"$1" || exit 1
            printf '0x%08x' "$2" >&3 || exit 1
            echo $$ > "$3.new" && mv -f "$3.new" "$3" || exit 1
            exec 2>/dev/null
            trap 'kill $! 2>/dev/null; exit 0' TERM
            while :; do sleep 86400 3>&- & wait $!; done
            """;

    private static final long START_TIMEOUT_MS = 5_000;
    private static final long STOP_TIMEOUT_MS = 2_000;

    private final Sysroot sysroot;

    /** Holders of devices under {@code sysroot}. */
    public DeviceHolder(Sysroot sysroot) {
        this.sysroot = sysroot;
    }

    /** The value an ASIOS holder keeps written to {@code device}, or {@link dev.asios.tune.plan.Operation#NOT_HELD}. */
    public String state(String device) {
        return holder(device).map(Holder::value).orElse(Operation.NOT_HELD);
    }

    /**
     * Makes a holder keep {@code device} open with {@code value} written; one that holds another
     * value is stopped first. Returns once the new holder has written the value.
     *
     * @throws IOException if the holder cannot open or write the device, or does not start (the
     *     message names the device and gives the holder's own error)
     */
    public void hold(String device, long value) throws IOException {
        Optional<Holder> running = holder(device);
        if (running.isPresent() && running.get().value().equals(Long.toString(value))) {
            return;
        }
        release(device);
        Process process = new ProcessBuilder("setsid", "bash", "-c", SCRIPT, MARKER,
                sysroot.resolve(device).toString(), Long.toString(value), sysroot.resolve(pidFile(device)).toString())
                .redirectInput(Redirect.from(new File("/dev/null")))
                .redirectOutput(Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        try (var errors = process.getErrorStream()) {
            while (System.nanoTime() < deadline) {
                if (state(device).equals(Long.toString(value))) {
                    return;
                }
                if (!process.isAlive()) {
                    String why = new String(errors.readAllBytes(), StandardCharsets.UTF_8).strip();
                    throw new IOException(device + ": cannot hold it open: " + (why.isEmpty() ? "the holder exited with " + process.exitValue() : why));
                }
                sleep(10);
            }
        }
        throw new IOException(device + ": the holder did not start within " + START_TIMEOUT_MS + " ms");
    }

    /**
     * Stops the holder of {@code device}, if one runs (SIGTERM, then SIGKILL after
     * {@value #STOP_TIMEOUT_MS} ms), so the kernel drops its request; removes the pid file.
     *
     * @throws IOException if the holder outlives SIGKILL or its pid file cannot be removed
     */
    public void release(String device) throws IOException {
        Optional<Holder> running = holder(device);
        if (running.isPresent()) {
            ProcessHandle process = running.get().process();
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!exited(process)) {
                process.destroyForcibly();
                if (!exited(process)) {
                    throw new IOException(device + ": its holder, pid " + process.pid() + ", does not stop");
                }
            }
        }
        sysroot.deleteFile(pidFile(device));
    }

    /** The pid file of the holder of {@code device}: {@code /run/asios/hold/dev_cpu_dma_latency.pid}. */
    static String pidFile(String device) {
        return PID_FOLDER + "/" + device.substring(1).replace('/', '_') + ".pid";
    }

    /** The running holder of {@code device}: the pid file's process, if it is alive and is that device's holder. */
    private Optional<Holder> holder(String device) {
        String target = sysroot.resolve(device).toString();
        return sysroot.readTrimmed(pidFile(device))
                .flatMap(DeviceHolder::pid)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .flatMap(process -> process.info().arguments()
                        .map(List::of)
                        // bash's arguments: -c SCRIPT $0 $1 $2 $3
                        .filter(args -> args.size() == 6 && args.get(2).equals(MARKER) && args.get(3).equals(target))
                        .map(args -> new Holder(process, args.get(4))));
    }

    private static Optional<Long> pid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean exited(ProcessHandle process) {
        try {
            process.onExit().get(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Holder(ProcessHandle process, String value) {
    }
}
