package dev.asios.health.policy;

import java.io.Serial;

/**
 * A heal policy file was refused before anything was decided from it. The message reads
 * {@code file:line: field: problem. fix} (without the line when it is not known, without the field
 * when the problem is the file as a whole), fit to print to an operator as it is; there is never a
 * need for a stack trace.
 */
public final class PolicyException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;
    private final String problem;
    private final String fix;

    private PolicyException(String file, int line, String field, String problem, String fix) {
        super(format(file, line, field, problem, fix));
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
        this.fix = fix;
    }

    /**
     * A problem at a place in a policy file.
     *
     * @param file the file as the operator named it
     * @param line the 1-based line, 0 when unknown
     * @param field the dotted field ({@code remediations.reapply-drift.cooldown}), empty for the file as a whole
     * @param problem what is wrong: what was expected and what was found
     * @param fix what the operator can do about it
     */
    public static PolicyException at(String file, int line, String field, String problem, String fix) {
        return new PolicyException(file, Math.max(0, line), field, problem, fix);
    }

    /** The file. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The dotted field, or empty for the file as a whole. */
    public String field() {
        return field;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }

    /** What to do about it. */
    public String fix() {
        return fix;
    }

    private static String format(String file, int line, String field, String problem, String fix) {
        String place = line > 0 ? file + ":" + line : file;
        String what = field.isEmpty() ? problem : field + ": " + problem;
        return place + ": " + what + ". " + fix;
    }
}
