package dev.asios.observe.gpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Critical XID errors: one NVML event set with every GPU registered for
 * {@code nvmlEventTypeXidCriticalError}, drained without waiting on each collection. A GPU that
 * does not support the event is left out; with none left there is no set and no call. Not
 * thread-safe.
 */
final class NvmlXidEvents {

    // nvml.h: nvmlEventTypeXidCriticalError
    private static final long XID_CRITICAL_ERROR = 0x8L;
    // nvml.h: nvmlEventData_t { nvmlDevice_t device; unsigned long long eventType;
    // unsigned long long eventData; unsigned int gpuInstanceId; unsigned int computeInstanceId; }
    private static final MemoryLayout EVENT_DATA = MemoryLayout.structLayout(ADDRESS.withName("device"), JAVA_LONG.withName("eventType"),
            JAVA_LONG.withName("eventData"), JAVA_INT.withName("gpuInstanceId"), JAVA_INT.withName("computeInstanceId"));
    private static final long EVENT_TYPE = 8;
    private static final long EVENT_DATA_XID = 16;
    /** The most events taken in one collection, so that a storm cannot hold the loop. */
    private static final int MAX_EVENTS_PER_COLLECTION = 64;

    private final MemorySegment set;
    private final MemorySegment data;
    private final List<NvmlDevice> devices;

    private NvmlXidEvents(MemorySegment set, MemorySegment data, List<NvmlDevice> devices) {
        this.set = set;
        this.data = data;
        this.devices = devices;
    }

    /**
     * An event set with every device in {@code devices} that supports XID events registered;
     * NVML errors other than "not supported" are recorded in {@code failures}.
     */
    static NvmlXidEvents open(Nvml nvml, List<NvmlDevice> devices, NvmlFailures failures) {
        MemorySegment pointer = nvml.arena().allocate(ADDRESS);
        if (devices.isEmpty() || !failures.ok(nvml.eventSetCreate.call(pointer), nvml.eventSetCreate, NvmlFailures.NO_GPU)) {
            return new NvmlXidEvents(MemorySegment.NULL, MemorySegment.NULL, List.of());
        }
        MemorySegment set = pointer.get(ADDRESS, 0);
        List<NvmlDevice> watched = devices.stream()
                .filter(device -> failures.ok(nvml.registerEvents.call(device.handle(), XID_CRITICAL_ERROR, set), nvml.registerEvents, device.index()))
                .toList();
        if (watched.isEmpty()) {
            failures.ok(nvml.eventSetFree.call(set), nvml.eventSetFree, NvmlFailures.NO_GPU);
            return new NvmlXidEvents(MemorySegment.NULL, MemorySegment.NULL, List.of());
        }
        return new NvmlXidEvents(set, nvml.arena().allocate(EVENT_DATA), watched);
    }

    /** Whether any GPU is watched. */
    boolean watching() {
        return !devices.isEmpty();
    }

    /** Counts the events waiting now, at most {@link #MAX_EVENTS_PER_COLLECTION}; errors go to {@code failures}. */
    void drain(Nvml nvml, NvmlFailures failures) {
        for (int taken = 0; watching() && taken < MAX_EVENTS_PER_COLLECTION; taken++) {
            int code = nvml.eventSetWait.call(set, data, 0);
            if (code == NvmlReturn.TIMEOUT || !failures.ok(code, nvml.eventSetWait, NvmlFailures.NO_GPU)) {
                return;
            }
            if (data.get(JAVA_LONG, EVENT_TYPE) == XID_CRITICAL_ERROR) {
                count(data.get(JAVA_LONG, 0), data.get(JAVA_LONG, EVENT_DATA_XID));
            }
        }
    }

    private void count(long deviceAddress, long xid) {
        for (NvmlDevice device : devices) {
            if (device.handleAddress() == deviceAddress) {
                device.series().countXid(xid);
                return;
            }
        }
    }

    /** Frees the event set; an error goes to {@code failures}. */
    void close(Nvml nvml, NvmlFailures failures) {
        if (watching()) {
            failures.ok(nvml.eventSetFree.call(set), nvml.eventSetFree, NvmlFailures.NO_GPU);
        }
    }
}
