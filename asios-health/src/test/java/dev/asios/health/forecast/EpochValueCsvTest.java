package dev.asios.health.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;

class EpochValueCsvTest {

    @Test
    void aHeaderCommentsBlankLinesAndSpacesAreAllowed() {
        TimedValues series = EpochValueCsv.parse("""
                # node 1 memory used, exported from the store
                epoch_ms,value
                1735689600000,1.5e9\r
                 1735689601000 , 1500000001

                1735689602000,-0.5
                """);

        assertThat(series.epochMs()).containsExactly(1735689600000L, 1735689601000L, 1735689602000L);
        assertThat(series.values()).containsExactly(1.5e9, 1500000001, -0.5);
    }

    @Test
    void errorsNameTheLineAndQuoteIt() {
        assertThatThrownBy(() -> EpochValueCsv.parse("epoch_ms,value\n1000,1\n2000\n")).isInstanceOf(ParseException.class)
                .hasMessage("line 3 '2000': expected two fields, epoch_ms,value, found 1");
        assertThatThrownBy(() -> EpochValueCsv.parse("1000,1\n1000,2\n"))
                .hasMessage("line 2 '1000,2': the time 1000 is not after the previous sample's 1000");
        assertThatThrownBy(() -> EpochValueCsv.parse("1.5,1\n")).hasMessage("line 1 '1.5,1': the time '1.5' is not a whole number of milliseconds since the epoch");
        assertThatThrownBy(() -> EpochValueCsv.parse("1000,NaN\n")).hasMessage("line 1 '1000,NaN': the value 'NaN' is not a finite decimal number");
        assertThatThrownBy(() -> EpochValueCsv.parse("1000,1e999\n")).hasMessage("line 1 '1000,1e999': the value '1e999' is not a finite decimal number");
        assertThatThrownBy(() -> EpochValueCsv.parse("1000,0x10\n")).hasMessage("line 1 '1000,0x10': the value '0x10' is not a finite decimal number");
        assertThatThrownBy(() -> EpochValueCsv.parse("1000,1,2\n")).hasMessage("line 1 '1000,1,2': expected two fields, epoch_ms,value, found 3");
        assertThatThrownBy(() -> EpochValueCsv.parse("99999999999999999999,1\n"))
                .hasMessage("line 1 '99999999999999999999,1': the time '99999999999999999999' is not a whole number of milliseconds since the epoch");
    }

    @Test
    void aFileWithoutSamplesIsRejected() {
        assertThatThrownBy(() -> EpochValueCsv.parse("epoch_ms,value\n# nothing\n"))
                .hasMessage("no samples: expected lines of epoch_ms,value (an optional header, then one line per sample)");
    }

    @Test
    void aLongLineIsQuotedShort() {
        assertThatThrownBy(() -> EpochValueCsv.parse("1000," + "9".repeat(200) + "x\n")).hasMessageStartingWith("line 1 '1000,999")
                .hasMessageContaining("...': the value");
    }
}
