package dev.asios.cli.bench;

import dev.asios.bench.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows benchmark progress on standard error: on a terminal, one bar redrawn in place
 * ({@code [#####.....] 3/6 jitter untuned}); otherwise, as in a log or CI, one line per step.
 * Thread-safe.
 */
final class ProgressLine implements Progress {

    private static final int WIDTH = 20;

    private final PrintWriter err;
    private final boolean terminal;

    ProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Progress on {@code err}, as a bar when this process's console is a terminal. */
    static ProgressLine on(PrintWriter err) {
        return new ProgressLine(err, System.console() != null && System.console().isTerminal());
    }

    @Override
    public synchronized void step(String what, int done, int total) {
        if (!terminal) {
            err.printf(Locale.ROOT, "asios bench: [%d/%d] %s%n", done, total, what);
        } else {
            int filled = total == 0 ? WIDTH : Math.min(WIDTH, done * WIDTH / total);
            // \r returns to the line's start, \033[K clears what a longer message left.
            err.printf(Locale.ROOT, "\r\033[K[%s%s] %d/%d %s", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, what);
            if (done >= total) {
                err.println();
            }
        }
        err.flush();
    }
}
