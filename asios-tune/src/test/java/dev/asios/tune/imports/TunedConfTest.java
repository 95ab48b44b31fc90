package dev.asios.tune.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TunedConfTest {

    @Test
    void readsSectionsAndOptionsInOrder() {
        TunedConf conf = TunedConf.parse("""
                #
                # tuned configuration
                #
                [main]
                summary=Low latency
                include=network-latency

                ; a comment too
                [cpu]
                governor = performance
                  # indented comment
                force_latency=1
                """, "p/tuned.conf");

        assertThat(conf.file()).isEqualTo("p/tuned.conf");
        assertThat(conf.sections()).extracting(TunedConf.Section::name).containsExactly("main", "cpu");
        assertThat(conf.section("main").orElseThrow().line()).isEqualTo(4);
        assertThat(conf.section("cpu").orElseThrow().options()).containsExactly(
                new TunedConf.Option("governor", "performance", 10), new TunedConf.Option("force_latency", "1", 12));
        assertThat(conf.section("main").orElseThrow().value("include")).contains("network-latency");
        assertThat(conf.section("vm")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "elevator=none # NVMe            | none",
        "elevator=none\t# NVMe           | none",
        "value=a#b                       | a#b",
        "value=a=b                       | a=b",
        "value=                          | ''",
        "  value = spaced   # trailing   | spaced"})
    void anInlineCommentStartsAtAHashAfterWhiteSpace(String line, String value) {
        assertThat(TunedConf.parse("[s]\n" + line, "f").section("s").orElseThrow().options().getFirst().value()).isEqualTo(value);
    }

    @Test
    void indentedLinesContinueAValueAndABlankLineEndsIt() {
        TunedConf conf = TunedConf.parse("[script]\nscript=a.sh\n    b.sh\n\n[next]\nkey=v\r\nother=w\r", "f");

        assertThat(conf.section("script").orElseThrow().value("script")).contains("a.sh\nb.sh");
        assertThat(conf.section("next").orElseThrow().options()).extracting(TunedConf.Option::key).containsExactly("key", "other");
    }

    @Test
    void aRepeatedSectionOrOptionMergesTheLaterWinning() {
        TunedConf conf = TunedConf.parse("[vm]\na=1\nb=2\n[cpu]\n[vm]\na=3\n", "f");

        assertThat(conf.sections()).extracting(TunedConf.Section::name).containsExactly("vm", "cpu");
        assertThat(conf.section("vm").orElseThrow().options()).containsExactly(new TunedConf.Option("a", "3", 6), new TunedConf.Option("b", "2", 3));
    }

    @Test
    void defaultsApplyToEveryOtherSection() {
        TunedConf conf = TunedConf.parse("[DEFAULT]\nenabled=false\n[cpu]\ngovernor=x\n[vm]\nenabled=true\n", "f");

        assertThat(conf.sections()).extracting(TunedConf.Section::name).containsExactly("cpu", "vm");
        assertThat(conf.section("cpu").orElseThrow().value("enabled")).contains("false");
        assertThat(conf.section("vm").orElseThrow().value("enabled")).contains("true");
    }

    @Test
    void aVariablesFileMayStartWithOptions() {
        assertThat(TunedConf.parseVariables("# examples\nisolated_cores=2-7\n[more]\nno_balance_cores=5\n", "vars.conf")).containsExactly(
                new TunedConf.Option("isolated_cores", "2-7", 2), new TunedConf.Option("no_balance_cores", "5", 4));
        assertThat(TunedConf.parseVariables("", "vars.conf")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "governor=performance             | f:1: option 'governor' comes before any [section]",
        "[cpu]\\ngovernor performance     | f:2: expected key=value, a [section] or a comment, found 'governor performance'",
        "[cpu\\ngovernor=performance      | f:1: a section header must look like [name], found '[cpu'",
        "[]                               | f:1: a section header must look like [name], found '[]'",
        "[cpu]\\n\\n = performance        | f:3: an option needs a name before '='"})
    void refusesWhatIsNotIniWithFileAndLine(String text, String message) {
        assertThatThrownBy(() -> TunedConf.parse(text.replace("\\n", "\n"), "f"))
                .isInstanceOf(TunedConfException.class).hasMessage(message);
    }

    @Test
    void refusesFilesFarLargerThanAProfile() {
        assertThatThrownBy(() -> TunedConf.parse("#".repeat(TunedConf.MAX_CHARS + 1), "big.conf"))
                .isInstanceOf(TunedConfException.class).hasMessageStartingWith("big.conf:1: longer than");
        String many = "[s]\n" + String.join("\n", IntStream.rangeClosed(0, TunedConf.MAX_OPTIONS).mapToObj(i -> "k" + i + "=1").toList());
        assertThatThrownBy(() -> TunedConf.parse(many, "many.conf"))
                .isInstanceOf(TunedConfException.class).hasMessage("many.conf:" + (TunedConf.MAX_OPTIONS + 2) + ": more than 1000 options; a tuned profile sets a few dozen");
    }
}
