package dev.asios.observe.gpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Optional;

/**
 * NVIDIA's management library, {@code libnvidia-ml.so.1}, loaded through FFM and bound: the
 * functions the GPU collector calls, with the C signatures of {@code nvml.h}. Functions an older
 * driver lacks answer {@link NvmlReturn#FUNCTION_NOT_FOUND}; the five without which nothing
 * works ({@code nvmlInit_v2}, {@code nvmlShutdown}, {@code nvmlErrorString},
 * {@code nvmlDeviceGetCount_v2}, {@code nvmlDeviceGetHandleByIndex_v2}) are required.
 *
 * <p>The library stays loaded until {@link #close()}; call {@code nvmlShutdown} before. NVML is
 * thread-safe; so is this class, but {@link #close()} must not race a call.
 */
final class Nvml implements AutoCloseable {

    /** The library's soname, as the system loader finds it. */
    static final String SONAME = "libnvidia-ml.so.1";

    private static final Linker LINKER = Linker.nativeLinker();

    private final Arena arena;
    private final SymbolLookup lookup;
    private final MethodHandle errorString;

    final NvmlFunction init;
    final NvmlFunction shutdown;
    final NvmlFunction deviceCount;
    final NvmlFunction handleByIndex;
    final NvmlFunction uuid;
    final NvmlFunction name;
    final NvmlFunction pciInfo;
    final NvmlFunction utilizationRates;
    final NvmlFunction memoryInfo;
    final NvmlFunction powerUsage;
    final NvmlFunction clockInfo;
    final NvmlFunction temperature;
    final NvmlFunction temperatureThreshold;
    final NvmlFunction throttleReasons;
    final NvmlFunction totalEccErrors;
    final NvmlFunction eventSetCreate;
    final NvmlFunction registerEvents;
    final NvmlFunction eventSetWait;
    final NvmlFunction eventSetFree;
    final NvmlFunction nvlinkState;
    final NvmlFunction fieldValues;

    private Nvml(Arena arena, SymbolLookup lookup, String library) throws GpuTelemetryException {
        this.arena = arena;
        this.lookup = lookup;
        this.errorString = downcall(required("nvmlErrorString", library), FunctionDescriptor.of(ADDRESS, JAVA_INT));
        init = bind("nvmlInit_v2", true, library);
        shutdown = bind("nvmlShutdown", true, library);
        deviceCount = bind("nvmlDeviceGetCount_v2", true, library, ADDRESS);
        handleByIndex = bind("nvmlDeviceGetHandleByIndex_v2", true, library, JAVA_INT, ADDRESS);
        uuid = bind("nvmlDeviceGetUUID", false, library, ADDRESS, ADDRESS, JAVA_INT);
        name = bind("nvmlDeviceGetName", false, library, ADDRESS, ADDRESS, JAVA_INT);
        pciInfo = bind("nvmlDeviceGetPciInfo_v3", false, library, ADDRESS, ADDRESS);
        utilizationRates = bind("nvmlDeviceGetUtilizationRates", false, library, ADDRESS, ADDRESS);
        memoryInfo = bind("nvmlDeviceGetMemoryInfo", false, library, ADDRESS, ADDRESS);
        powerUsage = bind("nvmlDeviceGetPowerUsage", false, library, ADDRESS, ADDRESS);
        clockInfo = bind("nvmlDeviceGetClockInfo", false, library, ADDRESS, JAVA_INT, ADDRESS);
        temperature = bind("nvmlDeviceGetTemperature", false, library, ADDRESS, JAVA_INT, ADDRESS);
        temperatureThreshold = bind("nvmlDeviceGetTemperatureThreshold", false, library, ADDRESS, JAVA_INT, ADDRESS);
        // Newer drivers name it ...ClocksEventReasons and deprecate the old name: same signature, same bits.
        NvmlFunction eventReasons = bind("nvmlDeviceGetCurrentClocksEventReasons", false, library, ADDRESS, ADDRESS);
        throttleReasons = eventReasons.present() ? eventReasons : bind("nvmlDeviceGetCurrentClocksThrottleReasons", false, library, ADDRESS, ADDRESS);
        totalEccErrors = bind("nvmlDeviceGetTotalEccErrors", false, library, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS);
        eventSetCreate = bind("nvmlEventSetCreate", false, library, ADDRESS);
        registerEvents = bind("nvmlDeviceRegisterEvents", false, library, ADDRESS, JAVA_LONG, ADDRESS);
        eventSetWait = bind("nvmlEventSetWait_v2", false, library, ADDRESS, ADDRESS, JAVA_INT);
        eventSetFree = bind("nvmlEventSetFree", false, library, ADDRESS);
        nvlinkState = bind("nvmlDeviceGetNvLinkState", false, library, ADDRESS, JAVA_INT, ADDRESS);
        fieldValues = bind("nvmlDeviceGetFieldValues", false, library, ADDRESS, JAVA_INT, ADDRESS);
    }

    /**
     * Loads the library: {@code file} when given (tests), else {@link #SONAME} through the system
     * loader's search. Does not call {@code nvmlInit_v2}.
     *
     * @throws GpuTelemetryException if it does not load, with the loader's reason, or lacks a
     *     required function
     */
    @SuppressWarnings("restricted")
    static Nvml load(Optional<Path> file) throws GpuTelemetryException {
        String library = file.map(Path::toString).orElse(SONAME);
        Arena arena = Arena.ofShared();
        try {
            SymbolLookup lookup = file.isPresent() ? SymbolLookup.libraryLookup(file.get(), arena) : SymbolLookup.libraryLookup(SONAME, arena);
            return new Nvml(arena, lookup, library);
        } catch (IllegalArgumentException e) {
            arena.close();
            throw new GpuTelemetryException(library + " does not load (" + LoaderMessage.of(library, e.getMessage()) + ")");
        } catch (GpuTelemetryException | RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /** NVML's words for {@code code} with the number, such as {@code Insufficient Permissions (NVML error 4)}. */
    String errorText(int code) {
        try {
            MemorySegment text = (MemorySegment) errorString.invokeExact(code);
            String words = text.equals(MemorySegment.NULL) ? "" : LoaderMessage.cString(text);
            return (words.isBlank() ? "unknown error" : words) + " (NVML error " + code + ")";
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("nvmlErrorString: " + t, t);
        }
    }

    /** The arena that owns the library; native buffers for the calls are allocated in it too. */
    Arena arena() {
        return arena;
    }

    /** Unloads the library; the bound functions must not be called after. */
    @Override
    public void close() {
        arena.close();
    }

    private NvmlFunction bind(String function, boolean required, String library, MemoryLayout... arguments) throws GpuTelemetryException {
        FunctionDescriptor descriptor = FunctionDescriptor.of(JAVA_INT, arguments);
        Optional<MemorySegment> symbol = lookup.find(function);
        if (symbol.isEmpty() && required) {
            throw missing(function, library);
        }
        return symbol.isPresent() ? NvmlFunction.bound(function, downcall(symbol.get(), descriptor))
                : NvmlFunction.missing(function, descriptor.toMethodType());
    }

    private MemorySegment required(String function, String library) throws GpuTelemetryException {
        return lookup.find(function).orElseThrow(() -> missing(function, library));
    }

    private static GpuTelemetryException missing(String function, String library) {
        return new GpuTelemetryException(library + " loads but has no " + function + "; the NVIDIA driver is too old or the file is not NVML");
    }

    @SuppressWarnings("restricted")
    private static MethodHandle downcall(MemorySegment symbol, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol, descriptor);
    }
}
