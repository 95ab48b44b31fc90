package dev.asios.health.adapt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The trial state machine of one device, fed one sample per round. While <b>watching</b> it keeps
 * a rolling window of the last {@code windowMs}; once the window is full and stable (mostly
 * active, and its first and second halves carry the same load, see {@link IoShape#sameLoad}) it
 * reports the window as a possible baseline. When the caller starts a trial it <b>tries</b>: it
 * collects a window as long again from the trial's start and reports both when it is complete.
 * The caller judges and goes back to watching. Pure (time is the samples' own); not thread-safe.
 */
final class DeviceTrial {

    /** What a sample completed. */
    sealed interface Step {
    }

    /** Nothing yet. */
    record Pending() implements Step {
    }

    /** A full, stable window while watching: the baseline a trial would start from. */
    record BaselineReady(IoPattern baseline) implements Step {
    }

    /** The trial's window is complete. */
    record TrialComplete(Candidate candidate, IoPattern baseline, IoPattern trial) implements Step {
    }

    private static final Pending PENDING = new Pending();

    private final Deque<DiskSample> window = new ArrayDeque<>();
    private long watchStartMs = Long.MIN_VALUE;
    private Candidate candidate;
    private IoPattern baseline;
    private long trialStartMs;

    /** Takes one round's sample; {@code windowMs} is the policy's trial duration. */
    Step onSample(DiskSample sample, long windowMs) {
        if (watchStartMs == Long.MIN_VALUE) {
            watchStartMs = sample.epochMs();
        }
        window.addLast(sample);
        if (candidate != null) {
            return sample.epochMs() - trialStartMs >= windowMs ? new TrialComplete(candidate, baseline, IoPattern.of(List.copyOf(window))) : PENDING;
        }
        while (window.peekFirst().epochMs() <= sample.epochMs() - windowMs) {
            window.removeFirst();
        }
        if (sample.epochMs() - watchStartMs < windowMs) {
            return PENDING;
        }
        List<DiskSample> samples = List.copyOf(window);
        IoPattern pattern = IoPattern.of(samples);
        return stable(samples, pattern) ? new BaselineReady(pattern) : PENDING;
    }

    /** Starts trying {@code tried} from now, against {@code from}. */
    void startTrial(Candidate tried, IoPattern from, long nowMs) {
        candidate = tried;
        baseline = from;
        trialStartMs = nowMs;
        window.clear();
    }

    /** Whether a trial is running. */
    boolean trying() {
        return candidate != null;
    }

    /** The candidate being tried, or null. */
    Candidate candidate() {
        return candidate;
    }

    /** The baseline of the running trial, or null. */
    IoPattern baseline() {
        return baseline;
    }

    /** Ends any trial and starts a new window at {@code nowMs}. */
    void watchFrom(long nowMs) {
        candidate = null;
        baseline = null;
        window.clear();
        watchStartMs = nowMs;
    }

    private static boolean stable(List<DiskSample> samples, IoPattern pattern) {
        if (pattern.activeShare() < TrialVerdict.MIN_ACTIVE_SHARE) {
            return false;
        }
        int half = samples.size() / 2;
        return half > 0 && IoShape.sameLoad(IoPattern.of(new ArrayList<>(samples.subList(0, half))),
                IoPattern.of(new ArrayList<>(samples.subList(half, samples.size()))), Setting.SCHEDULER);
    }
}
