package dev.asios.host.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Function;

/** The contract every parser of outside input keeps under fuzzing, for the {@code *FuzzTest} classes. */
public final class FuzzAssertions {

    private FuzzAssertions() {
    }

    /**
     * Applies a parser to fuzzed input: its value, or empty when it rejected the input with a
     * {@link ParseException} that has a message. Any other exception escapes and fails the test,
     * and so does a parser that returns null.
     */
    public static <I, T> Optional<T> parsedOrRejected(Function<I, T> parser, I input) {
        try {
            T value = parser.apply(input);
            assertThat(value).as("parsed value").isNotNull();
            return Optional.of(value);
        } catch (ParseException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
            return Optional.empty();
        }
    }
}
