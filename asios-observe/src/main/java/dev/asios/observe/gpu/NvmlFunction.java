package dev.asios.observe.gpu;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * One NVML function bound through FFM. Every NVML function returns an {@code nvmlReturn_t}; the
 * {@code call} overloads are the C argument shapes the bindings use, invoked exactly, so a call
 * allocates nothing on the heap. A function that the loaded library lacks (an older driver) is
 * bound to a stand-in that returns {@link NvmlReturn#FUNCTION_NOT_FOUND}. Calling an overload
 * that does not match the C signature is a programming error ({@code WrongMethodTypeException}).
 * Thread-safe (immutable).
 */
final class NvmlFunction {

    private final String name;
    private final MethodHandle handle;
    private final boolean present;

    private NvmlFunction(String name, MethodHandle handle, boolean present) {
        this.name = name;
        this.handle = handle;
        this.present = present;
    }

    /** The bound function; {@code handle} returns {@code int}. */
    static NvmlFunction bound(String name, MethodHandle handle) {
        return new NvmlFunction(name, handle, true);
    }

    /** A function the library lacks, taking the arguments of {@code type}. */
    static NvmlFunction missing(String name, MethodType type) {
        MethodHandle notFound = MethodHandles.dropArguments(MethodHandles.constant(int.class, NvmlReturn.FUNCTION_NOT_FOUND), 0, type.parameterList());
        return new NvmlFunction(name, notFound, false);
    }

    /** The C name, for error messages, such as {@code nvmlDeviceGetPowerUsage}. */
    String name() {
        return name;
    }

    /** Whether the library has this function. */
    boolean present() {
        return present;
    }

    /** {@code f(void)}. */
    int call() {
        try {
            return (int) handle.invokeExact();
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** {@code f(T *out)} or {@code f(set)}. */
    int call(MemorySegment a) {
        try {
            return (int) handle.invokeExact(a);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** {@code f(unsigned int, T *out)}. */
    int call(int a, MemorySegment b) {
        try {
            return (int) handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** {@code f(device, T *out)}. */
    int call(MemorySegment a, MemorySegment b) {
        try {
            return (int) handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** {@code f(device, char *buffer, unsigned int length)} or {@code f(set, T *out, unsigned int timeoutMs)}. */
    int call(MemorySegment a, MemorySegment b, int c) {
        try {
            return (int) handle.invokeExact(a, b, c);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** {@code f(device, enum or unsigned int, T *out)}. */
    int call(MemorySegment a, int b, MemorySegment c) {
        try {
            return (int) handle.invokeExact(a, b, c);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** {@code f(device, unsigned long long, set)}. */
    int call(MemorySegment a, long b, MemorySegment c) {
        try {
            return (int) handle.invokeExact(a, b, c);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** {@code f(device, enum, enum, T *out)}. */
    int call(MemorySegment a, int b, int c, MemorySegment d) {
        try {
            return (int) handle.invokeExact(a, b, c, d);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    private RuntimeException failed(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return t instanceof RuntimeException e ? e : new IllegalStateException(name + ": " + t, t);
    }
}
