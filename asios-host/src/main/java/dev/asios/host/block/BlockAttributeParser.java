package dev.asios.host.block;

import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the attributes of a block device in sysfs. Pure functions; bad input throws
 * {@link ParseException} quoting the text, never another exception.
 */
public final class BlockAttributeParser {

    private static final int SECTOR_BYTES = 512;

    private BlockAttributeParser() {
    }

    // Format: "3512991744": the size in 512-byte sectors, whatever the device's real sector size
    /**
     * The size in bytes.
     *
     * @throws ParseException if the text is not a sector count or the bytes overflow a long
     */
    public static long parseSizeBytes(String text) {
        String digits = text.strip();
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ParseException("'" + abbreviate(text) + "' is not a size in 512-byte sectors");
        }
        long sectors = Long.parseLong(digits);
        if (sectors > Long.MAX_VALUE / SECTOR_BYTES) {
            throw new ParseException(sectors + " sectors is more bytes than a long holds");
        }
        return sectors * SECTOR_BYTES;
    }

    // Format: "0" or "1"
    /**
     * A yes/no flag such as {@code queue/rotational} or {@code removable}.
     *
     * @throws ParseException if the text is not 0 or 1
     */
    public static boolean parseFlag(String text) {
        return switch (text.strip()) {
            case "0" -> false;
            case "1" -> true;
            default -> throw new ParseException("'" + abbreviate(text) + "' is not a flag (0 or 1)");
        };
    }

    // Format: "mq-deadline kyber [none]" (the active one in brackets), or "none" (a queue without schedulers)
    /**
     * The active and available schedulers.
     *
     * @throws ParseException if the text is empty, has no or several bracketed names among
     *     several, or a name is malformed
     */
    public static IoScheduler parseScheduler(String text) {
        String[] words = text.strip().split("\\s+");
        List<String> available = new ArrayList<>();
        String active = null;
        for (String word : words) {
            boolean bracketed = word.length() > 2 && word.startsWith("[") && word.endsWith("]");
            String name = bracketed ? word.substring(1, word.length() - 1) : word;
            if (name.isEmpty() || !name.chars().allMatch(c -> c == '-' || c == '_' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                throw new ParseException("'" + abbreviate(text) + "' is not a scheduler list like 'mq-deadline kyber [none]'");
            }
            if (bracketed && active != null) {
                throw new ParseException("'" + abbreviate(text) + "' marks more than one scheduler active");
            }
            active = bracketed ? name : active;
            available.add(name);
        }
        if (active == null && available.size() == 1) {
            active = available.getFirst();
        }
        if (active == null) {
            throw new ParseException("'" + abbreviate(text) + "' marks no scheduler active in brackets");
        }
        return new IoScheduler(active, available);
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replace('\n', ' ');
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
