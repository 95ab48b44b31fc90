package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KernelVersionTest {

    @Test
    void parsesDistributionReleases() {
        assertThat(KernelVersion.parse("6.8.0-45-generic")).isEqualTo(new KernelVersion(6, 8, 0));
        assertThat(KernelVersion.parse("4.14.0-49.el7a.bz1553205.page_fault_hang.ppc64le")).isEqualTo(new KernelVersion(4, 14, 0));
        assertThat(KernelVersion.parse("6.18.44-fc-v657\n")).isEqualTo(new KernelVersion(6, 18, 44));
        assertThat(KernelVersion.parse("  6.1")).isEqualTo(new KernelVersion(6, 1, 0));
        assertThat(KernelVersion.parse("5.15.0-rc1+")).isEqualTo(new KernelVersion(5, 15, 0));
        assertThat(KernelVersion.parse("3.10.0.1.2")).isEqualTo(new KernelVersion(3, 10, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "6", "6.", "linux-6.1", "v6.1", ".6.1", "6..1", "1234567890.1", "6.99999999999"})
    void rejectsTextWithoutMajorAndMinor(String release) {
        assertThatThrownBy(() -> KernelVersion.parse(release)).isInstanceOf(ParseException.class);
    }

    @Test
    void ordersNumericallyNotAsText() {
        assertThat(new KernelVersion(6, 10, 0)).isGreaterThan(new KernelVersion(6, 9, 12));
        assertThat(new KernelVersion(6, 1, 0).atLeast(6, 1)).isTrue();
        assertThat(new KernelVersion(6, 0, 99).atLeast(6, 1)).isFalse();
        assertThat(new KernelVersion(7, 0, 0).atLeast(6, 1)).isTrue();
        assertThat(new KernelVersion(6, 8, 3)).hasToString("6.8.3");
    }

    @Test
    void takesTheReleaseOutOfTheVersionBanner() {
        assertThat(KernelInfo.parseBannerRelease("Linux version 6.8.0-45-generic (buildd@lcy02) (gcc 13) #45-Ubuntu SMP PREEMPT_DYNAMIC\n"))
                .isEqualTo("6.8.0-45-generic");
        assertThat(KernelInfo.parseBannerRelease("Linux version 2.6.32")).isEqualTo("2.6.32");
        assertThatThrownBy(() -> KernelInfo.parseBannerRelease("")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> KernelInfo.parseBannerRelease("Linux version")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> KernelInfo.parseBannerRelease("FreeBSD 14.0-RELEASE")).isInstanceOf(ParseException.class);
    }
}
