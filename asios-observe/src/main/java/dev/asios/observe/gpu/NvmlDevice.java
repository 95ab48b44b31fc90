package dev.asios.observe.gpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.asios.host.pci.PciAddress;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;

/**
 * One GPU as NVML sees it: its handle, identity and series, and the native buffers its readings
 * land in, allocated once. {@link #collect} calls NVML about ten times and allocates nothing on
 * the heap unless a call fails. Not thread-safe: the collector's thread only.
 */
final class NvmlDevice {

    // nvml.h: nvmlUtilization_t { unsigned int gpu; unsigned int memory; } in percent
    private static final MemoryLayout UTILIZATION = MemoryLayout.structLayout(JAVA_INT.withName("gpu"), JAVA_INT.withName("memory"));
    // nvml.h: nvmlMemory_t { unsigned long long total; free; used; } in bytes
    private static final MemoryLayout MEMORY = MemoryLayout.structLayout(JAVA_LONG.withName("total"), JAVA_LONG.withName("free"),
            JAVA_LONG.withName("used"));
    private static final long MEMORY_USED_OFFSET = 16;
    // nvml.h: NVML_DEVICE_UUID_V2_BUFFER_SIZE and NVML_DEVICE_NAME_V2_BUFFER_SIZE
    private static final int TEXT_BUFFER_BYTES = 96;
    private static final int CLOCK_SM = 1;
    private static final int CLOCK_MEM = 2;
    private static final int TEMPERATURE_GPU = 0;
    private static final int TEMPERATURE_THRESHOLD_SLOWDOWN = 1;
    private static final int ECC_CORRECTED = 0;
    private static final int ECC_UNCORRECTED = 1;
    private static final int VOLATILE_ECC = 0;
    private static final double HERTZ_PER_MEGAHERTZ = 1e6;

    private final int index;
    private final MemorySegment handle;
    private final GpuSeries series;
    private final NvmlLinks links;
    private final MemorySegment utilization;
    private final MemorySegment memory;
    private final MemorySegment uint;
    private final MemorySegment ulonglong;

    private NvmlDevice(int index, MemorySegment handle, GpuSeries series, NvmlLinks links, Arena arena) {
        this.index = index;
        this.handle = handle;
        this.series = series;
        this.links = links;
        this.utilization = arena.allocate(UTILIZATION);
        this.memory = arena.allocate(MEMORY);
        this.uint = arena.allocate(JAVA_INT);
        this.ulonglong = arena.allocate(JAVA_LONG);
    }

    /**
     * GPU {@code index}: its handle, UUID and name, its series and its active NVLinks.
     *
     * @throws GpuTelemetryException if NVML gives no handle or no UUID for it
     */
    static NvmlDevice open(Nvml nvml, int index, GpuFamilies families, NvmlFailures failures) throws GpuTelemetryException {
        Arena arena = nvml.arena();
        MemorySegment pointer = arena.allocate(ADDRESS);
        check(nvml, nvml.handleByIndex.call(index, pointer), nvml.handleByIndex, index);
        MemorySegment handle = pointer.get(ADDRESS, 0);
        MemorySegment text = arena.allocate(TEXT_BUFFER_BYTES);
        check(nvml, nvml.uuid.call(handle, text, TEXT_BUFFER_BYTES), nvml.uuid, index);
        String uuid = text.getString(0);
        int named = nvml.name.call(handle, text, TEXT_BUFFER_BYTES);
        String name = failures.ok(named, nvml.name, index) ? text.getString(0) : "";
        GpuSeries series = new GpuSeries(families, index, uuid, name, "nvml", pciAddress(nvml, handle, index, failures));
        return new NvmlDevice(index, handle, series, NvmlLinks.discover(nvml, handle, index, series, failures), arena);
    }

    // nvmlPciInfo_t: char busIdLegacy[16]; unsigned int domain, bus, device, pciDeviceId,
    // pciSubSystemId; char busId[32]. NVML names a GPU by function 0 of its device.
    private static final long PCI_INFO_BYTES = 68;
    private static final long PCI_DOMAIN = 16;
    private static final long PCI_BUS = 20;
    private static final long PCI_DEVICE = 24;

    /** The GPU's PCI address as sysfs names it ({@code 0000:3b:00.0}); empty when NVML cannot tell. */
    private static String pciAddress(Nvml nvml, MemorySegment handle, int index, NvmlFailures failures) {
        MemorySegment info = nvml.arena().allocate(PCI_INFO_BYTES, 4);
        if (!failures.ok(nvml.pciInfo.call(handle, info), nvml.pciInfo, index)) {
            return "";
        }
        try {
            return new PciAddress(info.get(JAVA_INT, PCI_DOMAIN), info.get(JAVA_INT, PCI_BUS), info.get(JAVA_INT, PCI_DEVICE), 0).toString();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void check(Nvml nvml, int code, NvmlFunction function, int index) throws GpuTelemetryException {
        if (code != NvmlReturn.SUCCESS) {
            throw new GpuTelemetryException("GPU " + index + " " + function.name() + ": " + nvml.errorText(code));
        }
    }

    /** The driver's index of this GPU. */
    int index() {
        return index;
    }

    /** The handle's address, as {@code nvmlEventData_t.device} names the GPU of an event. */
    long handleAddress() {
        return handle.address();
    }

    /** This GPU's series. */
    GpuSeries series() {
        return series;
    }

    /** The handle, for calls about this GPU. */
    MemorySegment handle() {
        return handle;
    }

    /** Reads every metric of this GPU once; failed readings are recorded in {@code failures}. */
    void collect(Nvml nvml, NvmlFailures failures) {
        boolean busy = failures.ok(nvml.utilizationRates.call(handle, utilization), nvml.utilizationRates, index);
        series.utilization.set(busy ? unsignedInt(utilization, 0) / 100.0 : Double.NaN);
        series.memoryUtilization.set(busy ? unsignedInt(utilization, 4) / 100.0 : Double.NaN);
        boolean memoryRead = failures.ok(nvml.memoryInfo.call(handle, memory), nvml.memoryInfo, index);
        series.memoryTotal.set(memoryRead ? unsignedLong(memory, 0) : Double.NaN);
        series.memoryUsed.set(memoryRead ? unsignedLong(memory, MEMORY_USED_OFFSET) : Double.NaN);
        series.power.set(failures.ok(nvml.powerUsage.call(handle, uint), nvml.powerUsage, index) ? unsignedInt(uint, 0) / 1000.0 : Double.NaN);
        series.smClock.set(clock(nvml, CLOCK_SM, failures));
        series.memoryClock.set(clock(nvml, CLOCK_MEM, failures));
        series.temperature.set(failures.ok(nvml.temperature.call(handle, TEMPERATURE_GPU, uint), nvml.temperature, index)
                ? unsignedInt(uint, 0) : Double.NaN);
        series.temperatureSlowdown.set(failures.ok(nvml.temperatureThreshold.call(handle, TEMPERATURE_THRESHOLD_SLOWDOWN, uint),
                nvml.temperatureThreshold, index) ? unsignedInt(uint, 0) : Double.NaN);
        if (failures.ok(nvml.throttleReasons.call(handle, ulonglong), nvml.throttleReasons, index)) {
            series.throttleReasons(ulonglong.get(JAVA_LONG, 0));
        } else {
            series.throttleReasonsAbsent();
        }
        series.eccCorrected.set(ecc(nvml, ECC_CORRECTED, failures));
        series.eccUncorrected.set(ecc(nvml, ECC_UNCORRECTED, failures));
        links.collect(nvml, handle, index, failures);
    }

    private double clock(Nvml nvml, int type, NvmlFailures failures) {
        return failures.ok(nvml.clockInfo.call(handle, type, uint), nvml.clockInfo, index) ? unsignedInt(uint, 0) * HERTZ_PER_MEGAHERTZ : Double.NaN;
    }

    private double ecc(Nvml nvml, int type, NvmlFailures failures) {
        return failures.ok(nvml.totalEccErrors.call(handle, type, VOLATILE_ECC, ulonglong), nvml.totalEccErrors, index)
                ? unsignedLong(ulonglong, 0) : Double.NaN;
    }

    /** The C {@code unsigned int} at {@code offset}. */
    static long unsignedInt(MemorySegment segment, long offset) {
        return Integer.toUnsignedLong(segment.get(JAVA_INT, offset));
    }

    /** The C {@code unsigned long long} at {@code offset}, as a double. */
    static double unsignedLong(MemorySegment segment, long offset) {
        long value = segment.get(JAVA_LONG, offset);
        return value >= 0 ? value : value + 0x1p64;
    }
}
