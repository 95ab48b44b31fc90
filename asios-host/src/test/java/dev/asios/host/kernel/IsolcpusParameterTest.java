package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsolcpusParameterTest {

    @Test
    void withoutFlagsTheKernelIsolatesDomains() {
        assertThat(IsolcpusParameter.parse("2-5", 7)).isEqualTo(new IsolcpusParameter(Set.of("domain"), CpuSet.of(2, 3, 4, 5)));
    }

    @Test
    void readsLeadingFlags() {
        IsolcpusParameter parameter = IsolcpusParameter.parse("nohz,managed_irq,4-N", 7);
        assertThat(parameter.flags()).containsExactly("managed_irq", "nohz");
        assertThat(parameter.cpus()).isEqualTo(CpuSet.of(4, 5, 6, 7));
        assertThat(IsolcpusParameter.parse("domain,1", 3).flags()).containsExactly("domain");
        assertThat(IsolcpusParameter.parse("", 3).cpus()).isEqualTo(CpuSet.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "nohz", "bogus,2-3", "nohz,,2", "nohz,x", "2-1"})
    void rejectsWhatTheKernelIgnores(String value) {
        assertThatThrownBy(() -> IsolcpusParameter.parse(value, 7)).isInstanceOf(ParseException.class);
    }
}
