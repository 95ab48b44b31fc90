package dev.asios.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The open loop's schedule and its latency accounting, on fixed times in nanoseconds. */
class LatencyAccountingTest {

    private static final long MS = 1_000_000;

    @Test
    void workersShareTheRateAndStartStaggered() {
        // 400 requests a second over 2 workers: 200 each, 5 ms apart; the second starts half an interval later
        ArrivalSchedule first = ArrivalSchedule.forWorker(1_000 * MS, 400, 2, 0);
        ArrivalSchedule second = ArrivalSchedule.forWorker(1_000 * MS, 400, 2, 1);

        assertThat(first.intervalNs()).isEqualTo(5 * MS);
        assertThat(first.arrivalNs(0)).isEqualTo(1_000 * MS);
        assertThat(first.arrivalNs(3)).isEqualTo(1_015 * MS);
        assertThat(second.arrivalNs(0)).isEqualTo(1_000 * MS + 2_500_000);
        assertThat(second.arrivalNs(1)).isEqualTo(1_005 * MS + 2_500_000);
    }

    @Test
    void aLateRequestDelaysThoseQueuedBehindIt() {
        // one worker, a request every 10 ms, 2 ms of service; the second request stalls 25 ms,
        // so the third and fourth start late and carry the queueing delay
        ArrivalSchedule schedule = new ArrivalSchedule(0, 10 * MS);
        long[] completions = {2 * MS, 37 * MS, 39 * MS, 41 * MS, 42 * MS};
        LatencyRecorder recorder = new LatencyRecorder(5 * MS);
        for (int k = 0; k < completions.length; k++) {
            recorder.record(schedule.arrivalNs(k), completions[k]);
        }

        ServerRound round = recorder.round(500, 100);

        // latencies: 2, 27, 19, 11, 2 ms
        assertThat(recorder.total()).isEqualTo(5);
        assertThat(recorder.withinSla()).isEqualTo(2);
        assertThat(round.slaPercent()).isEqualTo(40.0);
        assertThat(round.p50Us()).isEqualTo(11_007);
        assertThat(round.maxUs()).isGreaterThanOrEqualTo(27_000);
        assertThat(round.countsUs().keySet()).hasSize(4);
        assertThat(round.countsUs().get(2_000L)).isEqualTo(2);
    }

    @Test
    void theSlaBoundCountsAsWithinAndRecordersAddUp() {
        LatencyRecorder first = new LatencyRecorder(5 * MS);
        first.record(0, 5 * MS);
        LatencyRecorder second = new LatencyRecorder(5 * MS);
        second.record(0, 5 * MS + 1);
        second.record(10 * MS, 9 * MS);

        first.add(second);

        assertThat(first.total()).isEqualTo(3);
        assertThat(first.withinSla()).isEqualTo(2);
        assertThat(first.round(1, 1).countsUs()).containsKeys(0L, 5_003L);
    }

    @Test
    void badRatesAndWorkersAreRefused() {
        assertThatThrownBy(() -> ArrivalSchedule.forWorker(0, 0, 1, 0)).hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> ArrivalSchedule.forWorker(0, 10, 2, 2)).hasMessageContaining("worker 2 is not one of 2");
        assertThatThrownBy(() -> new LatencyRecorder(0)).hasMessageContaining("SLA must be positive");
        assertThatThrownBy(() -> new LatencyRecorder(MS).round(1, 1)).hasMessageContaining("at least 1 request");
    }
}
