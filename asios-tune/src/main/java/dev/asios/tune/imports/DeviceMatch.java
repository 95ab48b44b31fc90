package dev.asios.tune.imports;

import java.util.regex.Pattern;

/**
 * tuned's {@code devices} option: rules separated by commas or spaces, shell wildcards
 * ({@code *}, {@code ?}); a rule starting with {@code !} excludes. A device matches when it
 * matches a rule that includes (every device, when there is none) and no rule that excludes. Pure.
 */
final class DeviceMatch {

    private DeviceMatch() {
    }

    /** True if {@code device} (a kernel name such as {@code sda}) matches {@code rules}. */
    static boolean matches(String rules, String device) {
        boolean anyInclude = false;
        boolean included = false;
        for (String rule : rules.strip().split("[\\s,]+")) {
            if (rule.startsWith("!")) {
                if (glob(rule.substring(1)).matcher(device).matches()) {
                    return false;
                }
            } else if (!rule.isEmpty()) {
                anyInclude = true;
                included |= glob(rule).matcher(device).matches();
            }
        }
        return included || !anyInclude;
    }

    private static Pattern glob(String rule) {
        StringBuilder regex = new StringBuilder();
        for (String part : rule.split("(?=[*?])|(?<=[*?])")) {
            regex.append(switch (part) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(part);
            });
        }
        return Pattern.compile(regex.toString());
    }
}
