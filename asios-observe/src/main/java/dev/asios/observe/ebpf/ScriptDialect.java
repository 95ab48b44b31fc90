package dev.asios.observe.ebpf;

import java.util.regex.Pattern;

/**
 * Turns a script written in today's bpftrace syntax into the syntax of an installed release. The
 * scripts shipped with ASIOS use two forms that older releases refuse and newer ones prefer:
 *
 * <ul>
 *   <li>{@code args.field} for tracepoint arguments: 0.18 made {@code args} a structure, and
 *       later releases deprecate {@code args->field}; before 0.20 it is written
 *       {@code args->field}, which every release up to the deprecation accepts;</li>
 *   <li>{@code delete(@map, key)} and {@code delete(@map, (k1, k2))}: 0.22 introduced this form
 *       and deprecated {@code delete(@map[key])}, the only one that 0.17 to 0.21 know.</li>
 * </ul>
 *
 * A key given to {@code delete} has no parentheses of its own other than the tuple's. Immutable.
 *
 * @param version the release the script is for
 */
public record ScriptDialect(BpftraceVersion version) {

    private static final Pattern ARGS_DOT = Pattern.compile("\\bargs\\.(?=[A-Za-z_])");
    private static final Pattern DELETE_TUPLE = Pattern.compile("delete\\((@\\w*),\\s*\\(([^()]*)\\)\\)");
    private static final Pattern DELETE_KEY = Pattern.compile("delete\\((@\\w*),\\s*([^()]*)\\)");

    /** The script in this release's syntax. */
    public String render(String script) {
        String rendered = script;
        if (!version.atLeast(0, 20)) {
            rendered = ARGS_DOT.matcher(rendered).replaceAll("args->");
        }
        if (!version.atLeast(0, 22)) {
            rendered = DELETE_TUPLE.matcher(rendered).replaceAll("delete($1[$2])");
            rendered = DELETE_KEY.matcher(rendered).replaceAll("delete($1[$2])");
        }
        return rendered;
    }
}
