package dev.asios.host.pci;

import dev.asios.host.parse.ParseException;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** Feeds random text to parsers and lets nothing but {@link ParseException} through. */
public final class RandomText {

    private static final String ALPHABET = "0123456789abcdefxX:.- /()[]GTsbnoqklirPIMHzUw\n\t\u0663\uff10";

    private RandomText() {
    }

    /** Feeds 50,000 random strings of up to 40 characters, the same on every run, to each parser. */
    public static void feed(List<Consumer<String>> parsers) {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            for (Consumer<String> parser : parsers) {
                try {
                    parser.accept(text.toString());
                } catch (ParseException expected) {
                    // The one exception a parser may throw.
                }
            }
        }
    }
}
