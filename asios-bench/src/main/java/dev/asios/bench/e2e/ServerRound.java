package dev.asios.bench.e2e;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the inference server measured in one round: the closed-loop throughput, the rate offered
 * in the open loop, and the open-loop latencies in whole microseconds. A percentile is the
 * highest value of the histogram bucket that holds it. Immutable.
 *
 * @param throughputPerSecond inferences a second in the closed loop, summed over the workers; positive
 * @param offeredPerSecond requests a second offered in the open loop; positive
 * @param p50Us the median latency
 * @param p99Us the 99th percentile
 * @param p999Us the 99.9th percentile
 * @param maxUs the longest latency
 * @param withinSla the requests that completed within the SLA; at most {@code requests}
 * @param requests the requests of the open loop; at least 1
 * @param countsUs how many requests took each latency (a bucket's highest value, in us): rising values, positive counts
 *     that add up to {@code requests}
 */
record ServerRound(double throughputPerSecond, double offeredPerSecond, long p50Us, long p99Us, long p999Us, long maxUs, long withinSla,
        long requests, NavigableMap<Long, Long> countsUs) {

    /**
     * Checks the values and copies the counts.
     *
     * @throws IllegalArgumentException naming the value that is out of bounds
     */
    ServerRound {
        if (!(throughputPerSecond > 0) || Double.isInfinite(throughputPerSecond) || !(offeredPerSecond > 0) || Double.isInfinite(offeredPerSecond)) {
            throw new IllegalArgumentException("throughput and offered rate must be positive and finite, not " + throughputPerSecond + " and "
                    + offeredPerSecond);
        }
        if (!(0 <= p50Us && p50Us <= p99Us && p99Us <= p999Us && p999Us <= maxUs)) {
            throw new IllegalArgumentException("percentiles must rise from 0: p50 " + p50Us + ", p99 " + p99Us + ", p99.9 " + p999Us + ", max " + maxUs);
        }
        if (requests < 1 || withinSla < 0 || withinSla > requests) {
            throw new IllegalArgumentException("a round has at least 1 request and at most that many within the SLA, not " + withinSla + " of "
                    + requests);
        }
        countsUs = Collections.unmodifiableNavigableMap(new TreeMap<>(countsUs));
        long counted = 0;
        for (Map.Entry<Long, Long> count : countsUs.entrySet()) {
            if (count.getKey() < 0 || count.getValue() < 1) {
                throw new IllegalArgumentException("latency " + count.getKey() + " us counted " + count.getValue() + " times: a latency is at least 0"
                        + " and counted at least once");
            }
            counted = Math.addExact(counted, count.getValue());
        }
        if (counted != requests) {
            throw new IllegalArgumentException("the latency counts add up to " + counted + ", not to the " + requests + " requests");
        }
    }

    /** The share of requests that completed within the SLA, in percent. */
    double slaPercent() {
        return 100.0 * withinSla / requests;
    }
}
