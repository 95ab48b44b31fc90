package dev.asios.health.rules;

import dev.asios.host.parse.ByteText;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;

/**
 * The two fields of a task's {@code stat} that tell where it runs and what it is: its
 * {@code PF_*} flags (field 9) and the CPU it last ran on (field 39, {@code processor}). Read
 * from a reused {@link ByteText} without allocating, for a scan of every task; asios-host's
 * {@code TaskStat} reads the command name and the rest when a task matters. Not thread-safe:
 * one per scan.
 */
final class TaskStatFields {

    /** Fields between the flags (9) and the processor (39), exclusive. */
    private static final int BETWEEN_FLAGS_AND_PROCESSOR = 39 - 9 - 1;
    /** Fields between the state (3) and the flags (9), exclusive. */
    private static final int BETWEEN_STATE_AND_FLAGS = 9 - 3 - 1;

    private long flags;
    private int processor;

    /** The fields of {@code text}, for tests and fuzzing. */
    static TaskStatFields of(String text) {
        TaskStatFields fields = new TaskStatFields();
        fields.parse(ByteText.of(text));
        return fields;
    }

    // Format: "42 (kworker/u4:1) I 2 0 0 0 -1 69238880 0 0 ... 0 1 0 0 ..." - pid, comm in
    // parentheses (the last ')' ends it: comm may hold spaces and parentheses), state (field 3),
    // ppid, pgrp, session, tty_nr, tpgid, flags (9), ..., exit_signal (38), processor (39), ...
    /**
     * Reads the flags and the processor from the first line of {@code text}.
     *
     * @throws ParseException if the line has no {@code )}, is too short, or the flags or the
     *     processor are not numbers within range
     */
    void parse(ByteText text) {
        text.rewind();
        if (!text.nextLine() || !text.skipPastLast(')')) {
            throw new ParseException("expected 'PID (COMM) STATE ...' in a task's stat, found '" + text.currentLine() + "'");
        }
        skip(text, 1 + BETWEEN_STATE_AND_FLAGS);
        long readFlags = text.nextLong();
        skip(text, BETWEEN_FLAGS_AND_PROCESSOR);
        long readProcessor = text.nextLong();
        if (readFlags < 0 || readFlags > 0xffff_ffffL || readProcessor < 0 || readProcessor >= CpuSet.MAX_CPU) {
            throw new ParseException("flags " + readFlags + " or processor " + readProcessor + " out of range in '" + text.currentLine() + "'");
        }
        flags = readFlags;
        processor = (int) readProcessor;
    }

    private static void skip(ByteText text, int words) {
        for (int i = 0; i < words; i++) {
            if (!text.skipWord()) {
                throw new ParseException("a task's stat ends after " + i + " more fields, too short: '" + text.currentLine() + "'");
            }
        }
    }

    /** The task's {@code PF_*} flags, as of the latest parse. */
    long flags() {
        return flags;
    }

    /** The CPU the task last ran on, as of the latest parse. */
    int processor() {
        return processor;
    }
}
