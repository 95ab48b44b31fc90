package dev.asios.run.launch;

import dev.asios.host.sys.NativeException;
import dev.asios.host.sys.Signals;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes the signals {@code asios run} receives on to the run, and keeps them from ending
 * {@code asios} first: {@code TERM}, {@code HUP} and {@code USR1} are forwarded; {@code INT} too,
 * unless {@code asios} reads from a terminal, where Ctrl-C already reached the run (it is in the
 * same foreground process group). {@code QUIT} and {@code USR2} belong to the JVM and reach only
 * the run, from the terminal. Closing puts the JVM's handlers back. A {@code TERM}, {@code HUP} or
 * {@code INT} received is an operator's stop ({@link #stopRequested}): the run it ends is not
 * restarted. Thread-safe.
 */
final class SignalForwarder implements AutoCloseable {

    private static final java.util.Set<String> STOPS = java.util.Set.of("TERM", "HUP", "INT");

    private final List<Signals.Registration> registrations = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean stopRequested = new java.util.concurrent.atomic.AtomicBoolean();

    private SignalForwarder() {
    }

    /** Forwards signals to process {@code pid} until closed. */
    static SignalForwarder to(long pid) {
        boolean terminal = System.console() != null && System.console().isTerminal();
        SignalForwarder forwarder = new SignalForwarder();
        for (String name : List.of("TERM", "HUP", "USR1", "INT")) {
            boolean forward = !(name.equals("INT") && terminal);
            boolean stop = STOPS.contains(name);
            try {
                forwarder.registrations.add(Signals.onSignal(name, signal -> {
                    if (stop) {
                        forwarder.stopRequested.set(true);
                    }
                    if (forward) {
                        send(pid, signal);
                    }
                }));
            } catch (IllegalStateException | IllegalArgumentException e) {
                // The JVM keeps this signal (run with -Xrs, or a JVM that uses it): it is not forwarded.
            }
        }
        return forwarder;
    }

    /** Whether an operator's stop ({@code TERM}, {@code HUP}, {@code INT}) arrived. */
    boolean stopRequested() {
        return stopRequested.get();
    }

    private static void send(long pid, int signal) {
        try {
            Signals.kill(pid, signal);
        } catch (NativeException e) {
            // The run ended between the signal and the forward: nothing to tell.
        }
    }

    @Override
    public void close() {
        registrations.forEach(Signals.Registration::close);
    }
}
