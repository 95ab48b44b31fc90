package dev.asios.bench.e2e;

import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * One worker of the inference server: its own activation buffers and request input, and the two
 * loops it runs. Between requests of the open loop it parks until the next intended arrival, as a
 * server thread blocked on its queue would. Neither loop allocates. Not thread-safe: one thread
 * runs a worker.
 */
final class InferenceWorker {

    private final MlpInference inference;
    private final float[] input;

    /** A worker of {@code model} whose request input is drawn from {@code seed}, uniform in [0, 1). */
    InferenceWorker(MlpModel model, long seed) {
        this.inference = model.newInference();
        this.input = new float[model.inputs()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextDouble();
        }
    }

    /**
     * The closed loop: waits for {@code startNs}, then runs inferences back to back until one ends
     * at or after {@code endNs}.
     *
     * @return inferences a second: the inferences run over the time from {@code startNs} to the last one's end
     */
    double closedLoop(long startNs, long endNs) {
        waitUntil(startNs);
        long inferences = 0;
        long now = System.nanoTime();
        while (now < endNs) {
            inference.run(input);
            inferences++;
            now = System.nanoTime();
        }
        return inferences == 0 ? 0 : inferences * 1e9 / (now - startNs);
    }

    /**
     * The open loop: serves every request of {@code schedule} meant to arrive before {@code endNs},
     * each when it arrives or, if the worker is still busy, as soon as it is free; records each
     * latency from the intended arrival in {@code recorder}.
     */
    void openLoop(ArrivalSchedule schedule, long endNs, LatencyRecorder recorder) {
        for (long k = 0; schedule.arrivalNs(k) < endNs; k++) {
            long arrivalNs = schedule.arrivalNs(k);
            waitUntil(arrivalNs);
            inference.run(input);
            recorder.record(arrivalNs, System.nanoTime());
        }
    }

    private static void waitUntil(long deadlineNs) {
        for (long left = deadlineNs - System.nanoTime(); left > 0; left = deadlineNs - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
