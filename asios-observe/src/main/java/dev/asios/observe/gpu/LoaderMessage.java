package dev.asios.observe.gpu;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The dynamic loader's own words for why a library does not load, such as
 * {@code libnvidia-ml.so.1: cannot open shared object file: No such file or directory}: the JDK's
 * {@code SymbolLookup.libraryLookup} says only "Cannot open library". Asks {@code dlopen(3)} again
 * and reads {@code dlerror(3)}. Thread-safe ({@code dlerror} is per thread, and read at once).
 */
final class LoaderMessage {

    // dlfcn.h
    private static final int RTLD_NOW = 2;

    private LoaderMessage() {
    }

    /**
     * Why {@code library} (a soname searched as the loader does, or a path) does not load, or
     * {@code fallback} when the loader gives no reason (or loads it this time).
     */
    static String of(String library, String fallback) {
        Linker linker = Linker.nativeLinker();
        Optional<MemorySegment> dlopen = linker.defaultLookup().find("dlopen");
        Optional<MemorySegment> dlerror = linker.defaultLookup().find("dlerror");
        Optional<MemorySegment> dlclose = linker.defaultLookup().find("dlclose");
        if (dlopen.isEmpty() || dlerror.isEmpty() || dlclose.isEmpty()) {
            return fallback;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = (MemorySegment) downcall(dlopen.get(), FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT))
                    .invokeExact(arena.allocateFrom(library), RTLD_NOW);
            if (!handle.equals(MemorySegment.NULL)) {
                // It loads this time (installed meanwhile): give the handle back; the JDK's words stand.
                int ignored = (int) downcall(dlclose.get(), FunctionDescriptor.of(JAVA_INT, ADDRESS)).invokeExact(handle);
                return fallback;
            }
            MemorySegment text = (MemorySegment) downcall(dlerror.get(), FunctionDescriptor.of(ADDRESS)).invokeExact();
            return text.equals(MemorySegment.NULL) ? fallback : cString(text);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            return fallback;
        }
    }

    @SuppressWarnings("restricted")
    private static MethodHandle downcall(MemorySegment symbol, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(symbol, descriptor);
    }

    /** The NUL-terminated text at {@code pointer}, a C string the library owns. */
    @SuppressWarnings("restricted")
    static String cString(MemorySegment pointer) {
        return pointer.reinterpret(Integer.MAX_VALUE).getString(0);
    }
}
