package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LockedMemoryLimitTest {

    @Test
    void readsTheLockedMemoryRow() {
        String text = """
                Limit                     Soft Limit           Hard Limit           Units    \s
                Max stack size            8388608              unlimited            bytes    \s
                Max locked memory         8388608              8388608              bytes    \s
                Max nice priority         0                    0                    \s
                """;
        assertThat(LockedMemoryLimit.parse(text)).isEqualTo(new LockedMemoryLimit(8388608, 8388608));
    }

    @Test
    void unlimitedIsTheLargestValue() {
        LockedMemoryLimit limit = LockedMemoryLimit.parse("Max locked memory unlimited\tunlimited bytes");
        assertThat(limit.softUnlimited()).isTrue();
        assertThat(limit.hardBytes()).isEqualTo(LockedMemoryLimit.UNLIMITED);
        assertThat(LockedMemoryLimit.parse("Max locked memory 65536 unlimited").softUnlimited()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Limit Soft Limit Hard Limit Units", "Max locked memory", "Max locked memory 8388608",
            "Max locked memory lots lots bytes", "Max locked memory -1 -1 bytes", "Max locked memory 99999999999999999999 0 bytes"})
    void rejectsMissingOrGarbledRows(String text) {
        assertThatThrownBy(() -> LockedMemoryLimit.parse(text)).isInstanceOf(ParseException.class);
    }
}
