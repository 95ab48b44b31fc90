package dev.asios.tune.apply;

import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.journal.Journal;
import dev.asios.tune.journal.JournalEntry;
import dev.asios.tune.journal.JournalEntry.Kind;
import dev.asios.tune.plan.Operation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is active on a host, read from the journal and compared with the host file by file: the
 * profiles applied (in order, with when), and for each file the value applied and whether the
 * host still shows it (drift). Immutable.
 *
 * @param profiles the profiles applied and not rolled back, oldest first
 * @param appliedAt when the first of them was applied (ISO-8601), empty when none is active
 * @param files one state per file the active profiles set; a task placed that is gone since is left out
 */
public record TuneStatus(List<String> profiles, Optional<String> appliedAt, List<FileState> files) {

    /**
     * One change made by the active profiles (mostly files, hence the name).
     *
     * @param operation what was done at the path
     * @param path the host path
     * @param applied the value the profile wrote
     * @param current the value the host shows now, empty when the file is gone or unreadable
     * @param original the value before the first apply, restored by rollback
     */
    public record FileState(Operation operation, String path, String applied, Optional<String> current, String original) {

        /** True when the host no longer shows the applied value. */
        public boolean drifted() {
            return current.filter(c -> c.equalsIgnoreCase(applied)).isEmpty();
        }
    }

    /** Creates an immutable copy. */
    public TuneStatus {
        profiles = List.copyOf(profiles);
        files = List.copyOf(files);
    }

    /** Reads the journal in {@code journalDir} and compares it with {@code sysroot}. */
    public static TuneStatus read(Sysroot sysroot, Path journalDir) {
        return read(HostOperations.of(sysroot), journalDir);
    }

    /** Reads the journal in {@code journalDir} and compares it with the host of {@code host}. */
    public static TuneStatus read(HostOperations host, Path journalDir) {
        List<JournalEntry> entries = Journal.read(journalDir);
        List<String> profiles = entries.stream().filter(e -> e.kind() == Kind.BEGIN).map(JournalEntry::profile).distinct().toList();
        Optional<String> at = entries.stream().filter(e -> e.kind() == Kind.BEGIN).map(JournalEntry::at).findFirst();
        var originals = Journal.originals(entries);
        List<FileState> files = new ArrayList<>();
        for (JournalEntry applied : Journal.applied(entries).values()) {
            if (host.gone(applied.operation(), applied.path())) {
                continue;
            }
            Optional<String> current = current(host, applied);
            JournalEntry original = originals.get(applied.key());
            files.add(new FileState(applied.operation(), applied.path(), applied.format().effective(applied.value()), current,
                    original == null ? "?" : original.value()));
        }
        return new TuneStatus(profiles, at, files);
    }

    /** True when no profile is active. */
    public boolean inactive() {
        return profiles.isEmpty();
    }

    /** The files whose value drifted away from what the profiles applied. */
    public List<FileState> drifted() {
        return files.stream().filter(FileState::drifted).toList();
    }

    /** The state now; a file whose text no longer has its format shows its raw text. */
    private static Optional<String> current(HostOperations host, JournalEntry applied) {
        try {
            return host.state(applied.operation(), applied.path(), applied.format(), applied.value());
        } catch (ParseException e) {
            return host.sysroot().read(applied.path()).map(String::strip);
        }
    }
}
