package dev.asios.host.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PciConfigSpaceTest {

    private static final int AER = 0x0001;
    private static final int ACS_SV_RR_CR_UF = 0b0001_1101;

    @Test
    void readsTheHeaderTypeWithoutTheMultiFunctionBit() {
        assertThat(PciConfigSpace.headerType(new ConfigSpaceBuilder(64).headerType(0x81).build())).hasValue(1);
        assertThat(PciConfigSpace.headerType(new byte[14])).isEmpty();
    }

    @Test
    void findsThePortTypeInTheCapabilityList() {
        byte[] config = new ConfigSpaceBuilder(256).pciExpress(6).build();

        assertThat(PciConfigSpace.portType(config)).contains(PciePortType.SWITCH_DOWNSTREAM_PORT);
    }

    @Test
    void portTypeIsUnknownWhenTheListLiesBeyondTheBytesRead() {
        byte[] config = Arrays.copyOf(new ConfigSpaceBuilder(256).pciExpress(0).build(), 64);

        assertThat(PciConfigSpace.portType(config)).isEmpty();
    }

    @Test
    void portTypeIsAbsentWithoutACapabilityList() {
        assertThat(PciConfigSpace.portType(new byte[256])).isEmpty();
        assertThat(PciConfigSpace.portType(new byte[10])).isEmpty();
    }

    @Test
    void rejectsACapabilityListThatLoops() {
        byte[] config = new ConfigSpaceBuilder(256).pciExpress(0).set(0x40, 0x05).set(0x41, 0x40).build();

        assertThatThrownBy(() -> PciConfigSpace.portType(config)).isInstanceOf(ParseException.class).hasMessageContaining("loops");
    }

    @Test
    void rejectsACapabilityPointerIntoTheHeader() {
        byte[] config = new ConfigSpaceBuilder(256).pciExpress(0).set(0x41, 0x10).build();

        assertThatThrownBy(() -> PciConfigSpace.portType(config)).isInstanceOf(ParseException.class).hasMessageContaining("header");
    }

    @Test
    void rejectsAReservedPortType() {
        byte[] config = new ConfigSpaceBuilder(256).pciExpress(3).build();

        assertThatThrownBy(() -> PciConfigSpace.portType(config)).isInstanceOf(ParseException.class).hasMessageContaining("reserved");
    }

    @Test
    void decodesAcsControlAfterOtherExtendedCapabilities() {
        byte[] config = new ConfigSpaceBuilder(4096).extended(0x100, AER, 0x148).acs(0x148, 0x7f, ACS_SV_RR_CR_UF).build();

        AcsState acs = PciConfigSpace.acs(config).orElseThrow();

        assertThat(acs.present()).isTrue();
        assertThat(acs.capabilityBits()).isEqualTo(0x7f);
        assertThat(acs.sourceValidation()).isTrue();
        assertThat(acs.translationBlocking()).isFalse();
        assertThat(acs.p2pRequestRedirect()).isTrue();
        assertThat(acs.p2pCompletionRedirect()).isTrue();
        assertThat(acs.upstreamForwarding()).isTrue();
        assertThat(acs.p2pEgressControl()).isFalse();
        assertThat(acs.directTranslatedP2p()).isFalse();
        assertThat(acs.redirectsPeerToPeer()).isTrue();
    }

    @Test
    void acsIsAbsentWhenTheListEndsWithoutIt() {
        assertThat(PciConfigSpace.acs(new ConfigSpaceBuilder(4096).extended(0x100, AER, 0).build())).contains(AcsState.ABSENT);
        assertThat(PciConfigSpace.acs(new byte[4096])).contains(AcsState.ABSENT);
    }

    @Test
    void acsIsUnknownWithoutTheExtendedSpace() {
        assertThat(PciConfigSpace.acs(new byte[64])).isEmpty();
        assertThat(PciConfigSpace.acs(new byte[256])).isEmpty();
        assertThat(PciConfigSpace.acs(new byte[0x103])).isEmpty();
    }

    @Test
    void acsIsUnknownWhenTheFunctionDoesNotAnswer() {
        byte[] config = new byte[4096];
        Arrays.fill(config, (byte) 0xff);

        assertThat(PciConfigSpace.acs(config)).isEmpty();
    }

    @Test
    void acsIsUnknownWhenTheReadStopsBeforeItsRegisters() {
        byte[] full = new ConfigSpaceBuilder(4096).extended(0x100, AER, 0x200).acs(0x200, 0x7f, 0x1d).build();

        assertThat(PciConfigSpace.acs(Arrays.copyOf(full, 0x180))).isEmpty();
        assertThat(PciConfigSpace.acs(Arrays.copyOf(full, 0x206))).isEmpty();
    }

    @Test
    void rejectsAnExtendedListThatLoopsOrPointsBelowTheExtendedSpace() {
        byte[] loop = new ConfigSpaceBuilder(4096).extended(0x100, AER, 0x140).extended(0x140, 0x0b, 0x100).build();
        byte[] low = new ConfigSpaceBuilder(4096).extended(0x100, AER, 0x0c0).build();

        assertThatThrownBy(() -> PciConfigSpace.acs(loop)).isInstanceOf(ParseException.class).hasMessageContaining("loops");
        assertThatThrownBy(() -> PciConfigSpace.acs(low)).isInstanceOf(ParseException.class).hasMessageContaining("below 0x100");
    }
}
