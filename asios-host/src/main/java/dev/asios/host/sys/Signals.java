package dev.asios.host.sys;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Sending signals to processes ({@code kill(2)}) and handling signals sent to this JVM.
 *
 * <p>The signal numbers are Linux's, the same on x86_64, aarch64 and riscv64 (asm-generic). The
 * handlers go through the JDK's {@code sun.misc.Signal} (module {@code jdk.unsupported}), reached
 * by reflection. Stateless and thread-safe.
 */
public final class Signals {

    /** Hangup. */
    public static final int SIGHUP = 1;
    /** Interrupt from the keyboard (Ctrl-C). */
    public static final int SIGINT = 2;
    /** Quit from the keyboard; the JVM prints a thread dump. */
    public static final int SIGQUIT = 3;
    /** Kill; cannot be caught or ignored. */
    public static final int SIGKILL = 9;
    /** User-defined signal 1. */
    public static final int SIGUSR1 = 10;
    /** User-defined signal 2. */
    public static final int SIGUSR2 = 12;
    /** Termination request. */
    public static final int SIGTERM = 15;
    /** Continue a stopped process. */
    public static final int SIGCONT = 18;
    /** Stop; cannot be caught or ignored. */
    public static final int SIGSTOP = 19;

    private static final NativeCall KILL = Libc.function("kill", JAVA_INT, JAVA_INT, JAVA_INT);

    private Signals() {
    }

    /**
     * Sends {@code signal} to process {@code pid}. Process groups (pid 0 or negative) and the
     * broadcast to every process (pid -1) are refused, so a wrong pid cannot hit more than one process.
     *
     * @param signal a signal number, such as {@link #SIGTERM}; 0 only checks that the process exists
     * @throws IllegalArgumentException if {@code pid} is not in 1..2^31-1 or {@code signal} not in 0..64
     * @throws NativeException {@code ESRCH} if there is no such process, {@code EPERM} if not allowed
     */
    public static void kill(long pid, int signal) throws NativeException {
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("pid must be in 1.." + Integer.MAX_VALUE + ", not " + pid);
        }
        if (signal < 0 || signal > 64) {
            throw new IllegalArgumentException("signal must be in 0..64, not " + signal);
        }
        KILL.invokeFor("of signal " + signal + " to pid " + pid, (int) pid, signal);
    }

    /**
     * Runs {@code handler} with the signal's number whenever this JVM receives the signal, instead
     * of what the JVM did before (for {@code TERM}, {@code INT} and {@code HUP}: run the shutdown
     * hooks and exit). The JVM calls the handler on a new thread for each signal it receives, so
     * calls may overlap; the handler must be thread-safe. A handler that throws is reported by
     * the JVM on its error stream.
     *
     * @param name the signal's name, with or without {@code SIG}: {@code TERM}, {@code SIGUSR1}
     * @return the installation; {@link Registration#close()} puts back the previous handler
     * @throws IllegalArgumentException if the JVM knows no signal of that name
     * @throws IllegalStateException if the JVM refuses to hand the signal over (it uses it itself,
     *     as {@code QUIT} and {@code SEGV}, or it runs with {@code -Xrs}), or lacks {@code sun.misc.Signal}
     */
    public static Registration onSignal(String name, IntConsumer handler) {
        Objects.requireNonNull(handler, "handler");
        String bare = name.strip().toUpperCase(Locale.ROOT);
        bare = bare.startsWith("SIG") ? bare.substring(3) : bare;
        JdkSignals jdk = JdkSignals.load();
        Object signal = jdk.signal(bare);
        Object proxy = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {jdk.handlerType}, jdk.forward(handler, "SIG" + bare));
        Object previous = jdk.install(signal, proxy, "SIG" + bare);
        return new Registration(jdk, signal, previous, "SIG" + bare);
    }

    /**
     * A handler installed by {@link #onSignal}. Thread-safe.
     */
    public static final class Registration implements AutoCloseable {

        private final JdkSignals jdk;
        private final Object signal;
        private final Object previous;
        private final String name;
        private boolean closed;

        private Registration(JdkSignals jdk, Object signal, Object previous, String name) {
            this.jdk = jdk;
            this.signal = signal;
            this.previous = previous;
            this.name = name;
        }

        /** The signal's name, for example {@code SIGTERM}. */
        public String name() {
            return name;
        }

        /** Puts back the handler that was there before; later calls do nothing. */
        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                jdk.install(signal, previous, name);
            }
        }
    }

    /** The reflective door to {@code sun.misc.Signal} and {@code sun.misc.SignalHandler}. */
    private record JdkSignals(Class<?> signalType, Class<?> handlerType, Method handle, Method number) {

        static JdkSignals load() {
            try {
                Class<?> signalType = Class.forName("sun.misc.Signal");
                Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
                return new JdkSignals(signalType, handlerType, signalType.getMethod("handle", signalType, handlerType),
                        signalType.getMethod("getNumber"));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("this JVM has no usable sun.misc.Signal (module jdk.unsupported): " + e, e);
            }
        }

        Object signal(String bareName) {
            try {
                return signalType.getConstructor(String.class).newInstance(bareName);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("no signal SIG" + bareName + ": " + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("sun.misc.Signal(String): " + e, e);
            }
        }

        Object install(Object signal, Object handler, String name) {
            try {
                return handle.invoke(null, signal, handler);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("the JVM refuses a handler for " + name + ": " + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("sun.misc.Signal.handle: " + e, e);
            }
        }

        InvocationHandler forward(IntConsumer handler, String name) {
            return (proxy, method, arguments) -> switch (method.getName()) {
                case "handle" -> {
                    handler.accept((int) number.invoke(arguments[0]));
                    yield null;
                }
                case "equals" -> proxy == arguments[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "handler of " + name;
                default -> throw new UnsupportedOperationException(method.toString());
            };
        }
    }
}
