package dev.asios.host.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The FFM plumbing that every binding of this package shares: the native linker, libc's symbols,
 * {@code errno} capture, the variadic {@code syscall} function and the text of error numbers.
 * Every handle made here captures {@code errno} right after the call, before the JVM can run other
 * native code on the thread.
 */
final class Libc {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();

    /** The layout of the call state that {@link Linker.Option#captureCallState} fills. */
    static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();

    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** {@code ENOSYS}: function not implemented. */
    static final int ENOSYS = 38;

    /** {@code EINVAL}: invalid argument. */
    static final int EINVAL = 22;

    private static final MethodHandle STRERROR = plain("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    // glibc 2.32 and later; musl has none.
    private static final Optional<MethodHandle> STRERRORNAME_NP = LIBC.find("strerrorname_np")
            .map(symbol -> downcall(symbol, FunctionDescriptor.of(ADDRESS, JAVA_INT)));

    private Libc() {
    }

    /**
     * A libc function that returns -1 and sets {@code errno} on failure.
     *
     * @param name the C name
     * @param result the C return type: {@code JAVA_INT} or {@code JAVA_LONG}
     * @param arguments the C argument types
     */
    static NativeCall function(String name, MemoryLayout result, MemoryLayout... arguments) {
        return bind(name, FunctionDescriptor.of(result, arguments), Linker.Option.captureCallState("errno"));
    }

    /**
     * A variadic libc function, such as {@code ioctl}, that returns -1 and sets {@code errno} on failure.
     *
     * @param fixedArguments the number of arguments before the {@code ...}
     * @param result the C return type: {@code JAVA_INT} or {@code JAVA_LONG}
     * @param arguments the C argument types, the fixed ones then those passed through the {@code ...}
     */
    static NativeCall variadicFunction(String name, int fixedArguments, MemoryLayout result, MemoryLayout... arguments) {
        return bind(name, FunctionDescriptor.of(result, arguments), Linker.Option.captureCallState("errno"),
                Linker.Option.firstVariadicArg(fixedArguments));
    }

    /**
     * A system call through libc's variadic {@code long syscall(long number, ...)}. Every argument
     * is passed as a {@code long} or a pointer, as the kernel receives them in registers.
     *
     * @param name the system call's name, for the number table and error messages
     * @param arguments the argument types: {@code JAVA_LONG} or {@code ADDRESS}
     */
    static NativeCall syscall(String name, MemoryLayout... arguments) {
        OptionalLong number = Syscalls.number(name);
        if (number.isEmpty()) {
            return NativeCall.unavailable(name, "on os.arch " + Syscalls.osArch() + " (no system call number known)");
        }
        MemoryLayout[] all = new MemoryLayout[arguments.length + 1];
        all[0] = JAVA_LONG;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        MethodHandle handle = downcall(symbol("syscall"), FunctionDescriptor.of(JAVA_LONG, all),
                Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(1));
        return NativeCall.of(name, MethodHandles.insertArguments(handle, 1, number.getAsLong()));
    }

    private static NativeCall bind(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MethodHandle handle = downcall(symbol(name), descriptor, options);
        return NativeCall.of(name, handle.asType(handle.type().changeReturnType(long.class)));
    }

    private static MemorySegment symbol(String name) {
        return LIBC.find(name).orElseThrow(() -> new IllegalStateException("libc has no function " + name));
    }

    /** The {@code errno} in a call state segment of layout {@link #CALL_STATE}. */
    static int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    /** The exception for a call that failed with {@code errno}, with libc's name and text for it. */
    static NativeException failure(String call, String context, int errno) {
        String name = STRERRORNAME_NP.map(handle -> text(handle, errno)).filter(s -> !s.isEmpty()).orElse("errno " + errno);
        String reason = text(STRERROR, errno);
        return new NativeException(call, context, errno, name, reason.isEmpty() ? "error " + errno : reason);
    }

    /**
     * Refuses to go on from a virtual thread: the bindings that act on "the current thread" act on
     * the OS thread under it, which for a virtual thread is a carrier shared with others.
     */
    static void requirePlatformThread(String what) {
        if (Thread.currentThread().isVirtual()) {
            throw new IllegalStateException(what + " acts on the calling OS thread; call it from a platform thread, not the virtual thread "
                    + Thread.currentThread());
        }
    }

    @SuppressWarnings("restricted")
    private static String text(MethodHandle handle, int errno) {
        try {
            MemorySegment string = (MemorySegment) handle.invokeExact(errno);
            return string.equals(MemorySegment.NULL) ? "" : string.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("libc error text for errno " + errno + ": " + t, t);
        }
    }

    /**
     * A raw handle to libc's {@code name}, without {@code errno} capture, for calls that return
     * their error number themselves or cannot fail, and for hot paths that pass {@code options}
     * such as {@link Linker.Option#critical}.
     */
    static MethodHandle plain(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return downcall(symbol(name), descriptor, options);
    }

    @SuppressWarnings("restricted")
    private static MethodHandle downcall(MemorySegment symbol, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.downcallHandle(symbol, descriptor, options);
    }
}
