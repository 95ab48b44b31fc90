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
 * the run, from the terminal. Closing puts the JVM's handlers back.
 */
final class SignalForwarder implements AutoCloseable {

    private final List<Signals.Registration> registrations;

    private SignalForwarder(List<Signals.Registration> registrations) {
        this.registrations = registrations;
    }

    /** Forwards signals to process {@code pid} until closed. */
    static SignalForwarder to(long pid) {
        boolean terminal = System.console() != null && System.console().isTerminal();
        List<Signals.Registration> installed = new ArrayList<>();
        for (String name : List.of("TERM", "HUP", "USR1", "INT")) {
            boolean forward = !(name.equals("INT") && terminal);
            try {
                installed.add(Signals.onSignal(name, signal -> {
                    if (forward) {
                        send(pid, signal);
                    }
                }));
            } catch (IllegalStateException | IllegalArgumentException e) {
                // The JVM keeps this signal (run with -Xrs, or a JVM that uses it): it is not forwarded.
            }
        }
        return new SignalForwarder(installed);
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
