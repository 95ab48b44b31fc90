package dev.asios.health.forecast;

import static dev.asios.health.forecast.SyntheticSeries.MINUTE_MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CPU cost of forecasting with the default settings, measured as this thread's CPU time
 * (so that other load on the machine does not count): a start from six hours of history, a round
 * that only adds a sample to the pending step, and a round that completes a step (the caster
 * learns it and forecasts 120 steps, the interval is made and the finding assessed); and the heap a
 * forecaster keeps, after a collection. Prints the numbers; the bounds are loose, against
 * regressions by orders of magnitude.
 */
@Tag("slow")
class ForecastCostTest {

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int STEPS = 60;

    @Test
    void cpuPerStartPerRoundAndPerStep() {
        ForecastSettings settings = ForecastSettings.defaults();
        TimedValues history = SyntheticSeries.ramp(settings.maxHistorySteps() + 1, 20e9, 50e6, 200e6, 41);
        ForecastWatch watch = new ForecastWatch();
        ForecastTarget target = ForecastTarget.capacity("node/0/memory_used_bytes", "node 0 memory", "bytes", settings);

        long startNs = cpuNs();
        watch.register(target, history, 64e9);
        long buildNs = cpuNs() - startNs;

        long stepNs = 0;
        long roundNs = 0;
        long roundBytes = 0;
        long rounds = 0;
        long firstMs = history.epochMs(history.size() - 1) + 1000;
        for (int step = 0; step < STEPS; step++) {
            for (int second = 0; second < 60; second++) {
                long epochMs = firstMs + step * MINUTE_MS + second * 1000L;
                long bytes = THREADS.getCurrentThreadAllocatedBytes();
                long before = cpuNs();
                boolean stepped = watch.observe(target.id(), epochMs, 20e9 + epochMs / 1000.0);
                long spent = cpuNs() - before;
                if (stepped) {
                    stepNs += spent;
                } else {
                    roundNs += spent;
                    roundBytes += THREADS.getCurrentThreadAllocatedBytes() - bytes;
                    rounds++;
                }
            }
        }

        double buildMs = buildNs / 1e6;
        double perStepMs = stepNs / 1e6 / STEPS;
        double perRoundUs = roundNs / 1e3 / rounds;
        System.out.printf(Locale.ROOT, "forecast cost, defaults (%s):%n  start from %d steps of history: %.0f ms CPU (%.1f ms a step)%n"
                + "  round without a completed step: %.2f us CPU, %d bytes allocated (mean of %d)%n"
                + "  round that completes a step (learn, forecast %d steps, interval, finding): %.1f ms CPU (mean of %d)%n",
                settings.describe(), settings.maxHistorySteps(), buildMs, buildMs / settings.maxHistorySteps(), perRoundUs, roundBytes / rounds, rounds,
                settings.horizonSteps(), perStepMs, STEPS);
        assertThat(perRoundUs).as("a round that only adds a sample").isLessThan(50);
        assertThat(roundBytes / rounds).as("bytes a plain round allocates").isLessThan(256);
        assertThat(perStepMs).as("a round that completes a step").isLessThan(500);
        assertThat(buildMs).as("a start from history").isLessThan(60_000);
    }

    @Test
    void heapKeptPerForecaster() {
        ForecastSettings settings = ForecastSettings.defaults();
        TimedValues history = SyntheticSeries.ramp(settings.maxHistorySteps() + 1, 20e9, 50e6, 200e6, 42);
        Forecaster[] forecasters = new Forecaster[8];
        long before = usedHeapBytes();
        for (int i = 0; i < forecasters.length; i++) {
            forecasters[i] = Forecaster.fromHistory(settings, history);
        }
        long perForecaster = (usedHeapBytes() - before) / forecasters.length;

        System.out.printf(Locale.ROOT, "heap kept per forecaster, defaults: %.2f MiB (mean of %d)%n", perForecaster / 1048576.0, forecasters.length);
        assertThat(forecasters).allSatisfy(f -> assertThat(f.forecast()).isPresent());
        assertThat(perForecaster).isLessThan(32L << 20);
    }

    private static long usedHeapBytes() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long cpuNs() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
