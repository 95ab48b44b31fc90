package dev.asios.observe.collect;

/**
 * A source of metrics read every interval by the {@link CollectorLoop}. An implementation
 * registers its families in its constructor, keeps the series handles, and in
 * {@link #collect()} reads the host through {@code Sysroot} and sets values, allocating little.
 *
 * <p>Called from the loop's one thread only.
 */
public interface Collector {

    /** A short lower-case name for status and metrics, such as {@code cpu} or {@code disk}. */
    String name();

    /**
     * Whether this collector can work on this host, decided once at start; an unavailable one is
     * never collected and its reason is shown in the probe status. Default: available.
     */
    default Availability availability() {
        return Availability.AVAILABLE;
    }

    /**
     * Reads the host once and updates the series.
     *
     * @throws Exception for anything that went wrong this time; the loop counts it, reports the
     *     message and calls again next interval
     */
    void collect() throws Exception;
}
