package dev.asios.host.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockAttributeParserTest {

    @Test
    void convertsSectorsToBytes() {
        assertThat(BlockAttributeParser.parseSizeBytes("3512991744\n")).isEqualTo(3512991744L * 512);
        assertThat(BlockAttributeParser.parseSizeBytes("0")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "1e9", "12 34", "0x10", "999999999999999999", "18014398509481984"})
    void rejectsSizesThatAreNotSectorCountsOrOverflow(String text) {
        assertThatThrownBy(() -> BlockAttributeParser.parseSizeBytes(text)).isInstanceOf(ParseException.class);
    }

    @Test
    void parsesFlags() {
        assertThat(BlockAttributeParser.parseFlag("1\n")).isTrue();
        assertThat(BlockAttributeParser.parseFlag("0")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "yes", "01", "-0"})
    void rejectsFlagsOtherThanZeroOrOne(String text) {
        assertThatThrownBy(() -> BlockAttributeParser.parseFlag(text)).isInstanceOf(ParseException.class);
    }

    @Test
    void findsTheActiveSchedulerInBrackets() {
        assertThat(BlockAttributeParser.parseScheduler("mq-deadline kyber [none]\n"))
                .isEqualTo(new IoScheduler("none", List.of("mq-deadline", "kyber", "none")));
        assertThat(BlockAttributeParser.parseScheduler("[mq-deadline] kyber bfq none"))
                .isEqualTo(new IoScheduler("mq-deadline", List.of("mq-deadline", "kyber", "bfq", "none")));
        assertThat(BlockAttributeParser.parseScheduler("noop anticipatory deadline [cfq] "))
                .isEqualTo(new IoScheduler("cfq", List.of("noop", "anticipatory", "deadline", "cfq")));
    }

    @Test
    void takesALoneUnbracketedNameAsActive() {
        assertThat(BlockAttributeParser.parseScheduler("none\n")).isEqualTo(new IoScheduler("none", List.of("none")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "mq-deadline kyber none", "[none] [kyber]", "[]", "[none", "none]", "[mq deadline]",
        "kyber [NONE]", "bfq [n/a]"})
    void rejectsGarbledSchedulerLists(String text) {
        assertThatThrownBy(() -> BlockAttributeParser.parseScheduler(text)).isInstanceOf(ParseException.class);
    }
}
