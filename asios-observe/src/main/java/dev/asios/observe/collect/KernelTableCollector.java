package dev.asios.observe.collect;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import java.io.IOException;

/**
 * A collector of a kernel table with one line per device, such as {@code /proc/diskstats} or
 * {@code /proc/net/dev}, whose devices come and go. Every collection reads the file into one
 * reused buffer and walks its data lines against the {@link TableLayout}; only when a line's
 * name is not the one expected (a device came or went) does the subclass lay the table out
 * again, which may allocate. A subclass says where the data lines start, where a line's name
 * is, what a line sets in its row, and how the table is laid out.
 *
 * <p>Called from the collector loop's one thread.
 */
public abstract class KernelTableCollector implements Collector {

    private final Sysroot sysroot;
    private final String file;
    private final ByteText text = new ByteText();
    private final TableLayout layout = new TableLayout();

    /** A collector of {@code file}, an absolute host path read through {@code sysroot}. */
    protected KernelTableCollector(Sysroot sysroot, String file) {
        this.sysroot = sysroot;
        this.file = file;
    }

    /** Available where the file exists. */
    @Override
    public Availability availability() {
        return sysroot.exists(file) ? Availability.AVAILABLE
                : Availability.unavailable(file + " is missing: this kernel does not show it, or /proc is not mounted");
    }

    /**
     * Reads the file and updates the row of every tracked line.
     *
     * @throws IOException if the file is unreadable or malformed (the message names it and
     *     quotes the line)
     */
    @Override
    public final void collect() throws IOException {
        if (!sysroot.readInto(file, text)) {
            throw new IOException(file + " is missing or unreadable");
        }
        try {
            if (!update()) {
                relayout(text, layout);
                if (!update()) {
                    throw new IllegalStateException(file + ": the lines do not match the layout just made of them");
                }
            }
        } catch (ParseException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Sets the row of every tracked line; false, perhaps half way, if the devices are not those of the layout. */
    private boolean update() {
        toFirstDataLine(text);
        int line = 0;
        while (text.nextLine()) {
            if (!text.hasWord()) {
                continue;
            }
            toName(text);
            if (!layout.matches(line, text)) {
                return false;
            }
            SeriesRow row = layout.row(line++);
            if (row != null) {
                publish(text, row);
            }
        }
        return line == layout.lines();
    }

    /** The sysroot the file is read through. */
    protected final Sysroot sysroot() {
        return sysroot;
    }

    /** Rewinds {@code text} and moves it past any header, to just before the first data line. */
    protected abstract void toFirstDataLine(ByteText text);

    /** Moves the cursor of a data line to its name word; by default the name is the first word. */
    protected void toName(ByteText line) {
    }

    /** Sets {@code row} from the rest of the data line after its name; allocates nothing. */
    protected abstract void publish(ByteText line, SeriesRow row);

    /** Lays {@code layout} out for the data lines of {@code text}, after a device came or went. */
    protected abstract void relayout(ByteText text, TableLayout layout);
}
