package dev.asios.host.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * One bound libc function or system call that returns -1 and sets {@code errno} on failure. The
 * handle takes the call state segment first, then the C arguments, and returns a {@code long}.
 * Thread-safe (immutable); each call captures the {@code errno} of its own thread.
 */
final class NativeCall {

    private final String name;
    private final Optional<MethodHandle> handle;
    private final String unavailableContext;

    private NativeCall(String name, Optional<MethodHandle> handle, String unavailableContext) {
        this.name = name;
        this.handle = handle;
        this.unavailableContext = unavailableContext;
    }

    static NativeCall of(String name, MethodHandle handle) {
        return new NativeCall(name, Optional.of(handle), "");
    }

    /** A call that this platform lacks: every invocation fails with {@code ENOSYS} and {@code context}. */
    static NativeCall unavailable(String name, String context) {
        return new NativeCall(name, Optional.empty(), context);
    }

    /** Calls with {@code arguments} (boxed C arguments; {@link MemorySegment} for pointers) and returns the result. */
    long invoke(Object... arguments) throws NativeException {
        return invokeFor("", arguments);
    }

    /**
     * Calls with {@code arguments} and returns the result.
     *
     * @param context what the call is about, for the error message, for example {@code for pid 42}
     * @throws NativeException if the call returned -1, with its {@code errno}
     */
    long invokeFor(String context, Object... arguments) throws NativeException {
        if (handle.isEmpty()) {
            throw Libc.failure(name, context.isEmpty() ? unavailableContext : context + " " + unavailableContext, Libc.ENOSYS);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callState = arena.allocate(Libc.CALL_STATE);
            Object[] all = new Object[arguments.length + 1];
            all[0] = callState;
            System.arraycopy(arguments, 0, all, 1, arguments.length);
            long result = (long) handle.get().invokeWithArguments(all);
            if (result == -1) {
                throw Libc.failure(name, context, Libc.errno(callState));
            }
            return result;
        } catch (NativeException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(name + ": " + t, t);
        }
    }
}
