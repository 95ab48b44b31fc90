package dev.asios.host.pci;

import static dev.asios.host.parse.FuzzAssertions.parsedOrRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.asios.host.parse.ParseException;

/**
 * Fuzzes every parser of PCI and RDMA sysfs attributes and of binary configuration space: any input
 * parses, to a value in range, or fails with a {@link ParseException} that has a message; nothing
 * else escapes. The seeds are under {@code PciFuzzTestInputs/<method>/}; those of the configuration
 * space methods are raw {@code config} files.
 */
class PciFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void hexId(@NotNull String text) {
        for (int bits : new int[] {16, 24}) {
            parsedOrRejected((String value) -> PciAttributeParser.parseHexId(value, bits), text)
                    .ifPresent(id -> assertThat(id).isNotNegative().isLessThan(1 << bits));
        }
    }

    @FuzzTest(maxDuration = "30s")
    void linkSpeed(@NotNull String text) {
        parsedOrRejected(PciAttributeParser::parseLinkSpeedGtPerSec, text)
                .ifPresent(speed -> speed.ifPresent(gtPerSec -> assertThat(gtPerSec).isFinite().isNotNegative()));
    }

    @FuzzTest(maxDuration = "30s")
    void linkWidth(@NotNull String text) {
        parsedOrRejected(PciAttributeParser::parseLinkWidthLanes, text)
                .ifPresent(width -> width.ifPresent(lanes -> assertThat(lanes).isBetween(1, 32)));
    }

    @FuzzTest(maxDuration = "30s")
    void address(@NotNull String text) {
        parsedOrRejected(PciAddress::parse, text).ifPresent(address -> {
            assertThat(PciAddress.parse(address.toString())).isEqualTo(address);
            assertThat(PciAddress.find(address.toString())).contains(address);
            assertThat(address.compareTo(address)).isZero();
        });
    }

    @FuzzTest(maxDuration = "30s")
    void rdmaState(@NotNull String text) {
        parsedOrRejected(RdmaPortParser::parseState, text).ifPresent(state -> assertThat(state).isNotBlank().isEqualTo(state.strip()));
    }

    @FuzzTest(maxDuration = "30s")
    void rdmaRate(@NotNull String text) {
        parsedOrRejected(RdmaPortParser::parseRate, text).ifPresent(rate -> {
            assertThat(rate.gbPerSec()).isFinite().isNotNegative();
            assertThat(rate.detail()).isEqualTo(rate.detail().strip());
        });
    }

    @FuzzTest(maxDuration = "30s")
    void headerType(byte @NotNull [] config) {
        parsedOrRejected(PciConfigSpace::headerType, config)
                .ifPresent(type -> type.ifPresent(layout -> assertThat(layout).isBetween(0, 0x7f)));
    }

    @FuzzTest(maxDuration = "30s")
    void portType(byte @NotNull [] config) {
        parsedOrRejected(PciConfigSpace::portType, config);
    }

    @FuzzTest(maxDuration = "30s")
    void acs(byte @NotNull [] config) {
        parsedOrRejected(PciConfigSpace::acs, config).ifPresent(acs -> acs.ifPresent(state -> {
            assertThat(state.capabilityBits()).isBetween(0, 0xffff);
            assertThat(state.controlBits()).isBetween(0, 0xffff);
            assertThat(state.present() || state.equals(AcsState.ABSENT)).isTrue();
        }));
    }
}
