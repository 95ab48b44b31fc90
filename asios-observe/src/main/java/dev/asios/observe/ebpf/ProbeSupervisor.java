package dev.asios.observe.ebpf;

import dev.asios.host.parse.ParseException;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.restart.Backoff;
import dev.asios.observe.restart.RestartPermit;
import dev.asios.observe.restart.Stop;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Runs one probe: a {@code bpftrace -f json -e SCRIPT} process made of the probe's parts, read
 * line by line on a virtual thread, each printed map handed to the part that owns it. When
 * bpftrace stops, its last error on standard error becomes the status' reason and it is started
 * again after a {@link Backoff}; the parts are told, so cumulative histograms stay cumulative.
 * Before each restart the {@link RestartPermit} is asked, on the probe's own thread, with the
 * probe's name, why it stopped and the backoff; a refused restart leaves the probe stopped
 * ({@link ProbeState#BACKING_OFF}, the refusal in its reason) until the permit's retry time, when
 * it is asked again.
 * {@link #close()} stops bpftrace (SIGTERM, then SIGKILL after {@link #GRACE}) and waits for the
 * reader, so no bpftrace outlives the agent that closes its probes; should the agent die without
 * closing, bpftrace dies of a broken pipe at its next print, within a second.
 *
 * <p>Exposes the probe's health through {@link ProbeMetrics}. Thread-safe.
 */
public final class ProbeSupervisor implements AutoCloseable {

    /** How long bpftrace gets to stop after SIGTERM before it is killed. */
    public static final Duration GRACE = Duration.ofSeconds(5);

    private final String name;
    private final List<ProbePart> parts;
    private final Map<String, String> unavailableParts;
    private final Path bpftrace;
    private final String script;
    private final Backoff.Settings backoff;
    private final RestartPermit permit;
    private final ProbeMetrics metrics;
    private final Map<String, ProbePart> partsByMap = new HashMap<>();
    private final BpftraceStderr stderr = new BpftraceStderr();

    private Thread thread;
    private Process process;
    private boolean closed;
    private ProbeState state = ProbeState.STOPPED;
    private String reason = "";
    private long restarts;
    private long lostEvents;

    /**
     * A probe, not started yet.
     *
     * @param name the probe's name, the {@code probe} label of its metrics
     * @param parts the parts its script measures; the host has what they need
     * @param unavailableParts parts left out, with the reason, for the status
     * @param bpftrace the bpftrace executable
     * @param dialect the syntax of that bpftrace
     * @param backoff the waits before restarts
     * @param permit asked before each restart
     * @throws IllegalArgumentException if there are no parts or two share a map
     */
    public ProbeSupervisor(String name, List<ProbePart> parts, Map<String, String> unavailableParts, Path bpftrace, ScriptDialect dialect,
            Backoff.Settings backoff, RestartPermit permit, MetricRegistry registry) {
        this.name = name;
        this.parts = List.copyOf(parts);
        this.unavailableParts = Map.copyOf(unavailableParts);
        this.bpftrace = bpftrace;
        this.script = ProbeScript.assemble(this.parts, dialect);
        this.backoff = backoff;
        this.permit = permit;
        this.metrics = new ProbeMetrics(registry, name);
        for (ProbePart part : this.parts) {
            part.maps().forEach(map -> partsByMap.put(map, part));
        }
    }

    /** The script bpftrace runs, in its release's syntax. */
    public String script() {
        return script;
    }

    /**
     * Starts bpftrace on a virtual thread and returns at once; the status says how it goes.
     *
     * @throws IllegalStateException if already started or closed
     */
    public synchronized void start() {
        if (thread != null || closed) {
            throw new IllegalStateException("probe " + name + " was already started");
        }
        state = ProbeState.STARTING;
        thread = Thread.ofVirtual().name("asios-probe-" + name).start(this::supervise);
    }

    /** The probe's status now. */
    public synchronized ProbeStatus status() {
        OptionalLong pid = process != null && state != ProbeState.BACKING_OFF ? OptionalLong.of(process.pid()) : OptionalLong.empty();
        return new ProbeStatus(name, state, reason, restarts, lostEvents, pid, parts.stream().map(ProbePart::name).toList(), unavailableParts);
    }

    private void supervise() {
        Backoff waits = new Backoff(backoff);
        try {
            while (true) {
                long startedAt = System.nanoTime();
                String stopped = runOnce();
                metrics.up(false);
                if (stopped == null) {
                    break;
                }
                Duration ranFor = Duration.ofNanos(System.nanoTime() - startedAt);
                Stop stop = new Stop(Stop.PROBE, name, stopped, ranFor, waits.afterRun(ranFor));
                if (!permitted(stop) || !backOff(stopped, stop.backoff())) {
                    break;
                }
                parts.forEach(ProbePart::restarted);
            }
        } catch (InterruptedException e) {
            // closed while waiting for bpftrace to exit
        }
        synchronized (this) {
            state = ProbeState.STOPPED;
        }
        metrics.up(false);
    }

    // One run of bpftrace: why it stopped, or null if the probe was closed before it started.
    private String runOnce() throws InterruptedException {
        Process running;
        try {
            running = launch();
        } catch (IOException e) {
            return "cannot start " + bpftrace + ": " + e.getMessage();
        }
        if (running == null) {
            return null;
        }
        try {
            return runToEnd(running);
        } catch (IOException | RuntimeException e) {
            ProcessStopper.stop(running, GRACE);
            return "reading bpftrace's output failed: " + e;
        }
    }

    private synchronized Process launch() throws IOException {
        if (closed) {
            return null;
        }
        stderr.clear();
        process = new ProcessBuilder(bpftrace.toString(), "-f", "json", "-e", script).start();
        process.getOutputStream().close();
        state = ProbeState.STARTING;
        return process;
    }

    // Reads until bpftrace closes its output; returns why it stopped.
    private String runToEnd(Process running) throws IOException, InterruptedException {
        Thread errors = Thread.ofVirtual().name("asios-probe-" + name + "-stderr").start(() -> drainStderr(running));
        try (BufferedReader out = running.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.isBlank()) {
                    handle(line);
                }
            }
        }
        int status = running.waitFor();
        errors.join(GRACE);
        return stderr.reason(status);
    }

    private void drainStderr(Process running) {
        try (BufferedReader err = running.errorReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = err.readLine()) != null) {
                stderr.add(line);
            }
        } catch (IOException e) {
            stderr.add("cannot read bpftrace's errors: " + e.getMessage());
        }
    }

    // Asks the permit until it allows the restart, staying stopped while refused; false if closed meanwhile.
    private boolean permitted(Stop stop) {
        while (true) {
            RestartPermit.Answer answer = RestartPermit.ask(permit, stop);
            if (answer.allowed()) {
                return true;
            }
            synchronized (this) {
                if (!stayStopped(stop.why() + "; " + answer.describe(), Duration.ofMillis(answer.retryAtEpochMs() - System.currentTimeMillis()))) {
                    return false;
                }
            }
        }
    }

    // Waits before the next start; false if the probe was closed meanwhile.
    private synchronized boolean backOff(String stopped, Duration wait) {
        if (!stayStopped(stopped + "; restarting in " + wait.toMillis() + " ms", wait)) {
            return false;
        }
        restarts++;
        metrics.restarts(restarts);
        return true;
    }

    // Backs off for wait, saying why; false if the probe was or got closed. Holds the lock.
    private boolean stayStopped(String why, Duration wait) {
        if (closed) {
            return false;
        }
        state = ProbeState.BACKING_OFF;
        reason = why;
        long deadline = System.nanoTime() + wait.toNanos();
        long left;
        try {
            while (!closed && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            return false;
        }
        return !closed;
    }

    private void handle(String line) {
        BpftraceMessage message;
        try {
            message = BpftraceJsonParser.parse(line);
        } catch (ParseException e) {
            if (line.startsWith("{")) {
                note(e.getMessage());
            } else {
                stderr.add(line);
            }
            return;
        }
        switch (message) {
            case BpftraceMessage.AttachedProbes attached -> running();
            case BpftraceMessage.LostEvents lost -> lost(lost.events());
            case BpftraceMessage.RuntimeError error -> note("bpftrace " + error.type() + ": " + error.message());
            case BpftraceMessage.MapValues values -> dispatch(values.map(), message);
            case BpftraceMessage.Histograms histograms -> dispatch(histograms.map(), message);
            default -> {
            }
        }
    }

    private void dispatch(String map, BpftraceMessage message) {
        ProbePart part = partsByMap.get(map);
        if (part == null) {
            return;
        }
        running();
        try {
            part.accept(message);
        } catch (RuntimeException e) {
            note(part.name() + " could not take " + map + ": " + e);
        }
    }

    private synchronized void running() {
        if (state == ProbeState.STARTING) {
            state = ProbeState.RUNNING;
            reason = "";
            metrics.up(true);
        }
    }

    private synchronized void lost(long events) {
        lostEvents = Log2Buckets.saturatedSum(lostEvents, events);
        metrics.lostEvents(lostEvents);
    }

    private synchronized void note(String problem) {
        if (state == ProbeState.RUNNING || state == ProbeState.STARTING) {
            reason = problem;
        }
    }

    /**
     * Stops bpftrace and the reader: SIGTERM to bpftrace and anything it started, SIGKILL to
     * whatever is left after {@link #GRACE}; waits for the reader to finish. Idempotent.
     */
    @Override
    public void close() {
        Process running;
        Thread supervisor;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = process;
            supervisor = thread;
            notifyAll();
        }
        if (running != null) {
            ProcessStopper.stop(running, GRACE);
        }
        if (supervisor != null) {
            try {
                supervisor.join(GRACE.multipliedBy(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            state = ProbeState.STOPPED;
            process = null;
        }
        metrics.up(false);
    }
}
