package dev.asios.health.anomaly.trace;

import dev.asios.health.signal.GroupObservation;
import dev.asios.health.signal.SignalGroup;
import dev.asios.health.signal.SignalRound;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Records the live signal rounds as labelled traces, one file per signal group in a folder
 * ({@code cpu_0.csv}, {@code host_all.csv}, in {@link LabelledTraceParser}'s format), so that the
 * detector's quality can be measured on this host's own rounds ({@link TraceEvaluation}). Each
 * round is labelled with the text of the file {@value #LABEL_FILE} in the folder, read every
 * round: a fault-injection script writes the fault's name there while it injects and {@code 0}
 * after; without the file a round is normal. A group whose signals change starts a new file
 * ({@code cpu_0-2.csv}). Rows are flushed every round, so a crash loses at most the round being
 * written. Not thread-safe: one thread writes.
 */
public final class SignalTraceWriter implements AutoCloseable {

    /** The file whose text labels each round. */
    public static final String LABEL_FILE = "label";

    /** One group's open file and the signals it was started with. */
    private record GroupFile(SignalGroup group, BufferedWriter writer) {
    }

    private final Path dir;
    private final Map<String, GroupFile> files = new HashMap<>();
    private final Map<String, Integer> generations = new HashMap<>();
    private final StringBuilder row = new StringBuilder();

    /**
     * Writes into {@code dir}, made if missing.
     *
     * @throws IOException if the folder cannot be made
     */
    public SignalTraceWriter(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    /**
     * Appends every group's observation of the round, with the label read now.
     *
     * @throws IllegalArgumentException if the label file holds something that is not a label
     * @throws UncheckedIOException if a file cannot be written
     */
    public void write(SignalRound round) {
        String label = label();
        try {
            for (GroupObservation observed : round.observations()) {
                row.setLength(0);
                LabelledTrace.appendRow(row, observed.observation(), label);
                file(observed.group()).writer().append(row).flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signal trace in " + dir + ": " + e.getMessage(), e);
        }
    }

    private String label() {
        Path file = dir.resolve(LABEL_FILE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return LabelledTrace.NORMAL;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the round label " + file + ": " + e.getMessage(), e);
        }
        if (!LabelledTraceParser.isLabel(text)) {
            throw new IllegalArgumentException(file + " holds '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                    + "', not a label: write 0 for normal rounds or a fault name of letters, digits and _ . : - (at most 64)");
        }
        return text;
    }

    private GroupFile file(SignalGroup group) throws IOException {
        GroupFile open = files.get(group.id());
        if (open != null && open.group().equals(group)) {
            return open;
        }
        if (open != null) {
            open.writer().close();
        }
        int generation = generations.merge(group.id(), 1, Integer::sum);
        String name = group.id().replaceAll("[^A-Za-z0-9_.-]", "_") + (generation == 1 ? "" : "-" + generation) + ".csv";
        BufferedWriter writer = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        writer.append(LabelledTrace.header(group.signals()));
        GroupFile created = new GroupFile(group, writer);
        files.put(group.id(), created);
        return created;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (GroupFile file : files.values()) {
            try {
                file.writer().close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        files.clear();
        if (first != null) {
            throw first;
        }
    }
}
