package dev.asios.host.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PciAddressTest {

    @Test
    void parsesTheKernelName() {
        PciAddress address = PciAddress.parse("0000:3b:1f.7\n");

        assertThat(address).isEqualTo(new PciAddress(0, 0x3b, 0x1f, 7));
        assertThat(address).hasToString("0000:3b:1f.7");
    }

    @Test
    void keepsDomainsWiderThanSixteenBits() {
        assertThat(PciAddress.parse("10000:01:00.0").domain()).isEqualTo(0x10000);
        assertThat(PciAddress.parse("10000:01:00.0")).hasToString("10000:01:00.0");
    }

    @Test
    void acceptsUpperCaseAndPrintsLowerCase() {
        assertThat(PciAddress.parse("0000:AF:0A.1")).hasToString("0000:af:0a.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0000:3b:00", "0000:3b:00.", "000:3b:00.0", "000000000:3b:00.0", "0000:3b:20.0",
        "0000:3b:00.8", "0000:3b:0.0", "0000:3bb:00.0", "0000:3b:00.00", "0000-3b-00.0", "0000:3g:00.0",
        "pci0000:00", "0000:+b:00.0", "0000:3b:00.-", "ffffffff:00:00.0", "0000::00.0.", "\u0663\u0663\u0663\u0663:00:00.0"})
    void rejectsWhatIsNotAnAddress(String text) {
        assertThatThrownBy(() -> PciAddress.parse(text)).isInstanceOf(ParseException.class);
        assertThat(PciAddress.find(text)).isEmpty();
    }

    @Test
    void findsTheFunctionsAlongASysfsPath() {
        String path = "/sys/devices/pci0000:00/0000:00:01.0/0000:01:00.0/0000:02:08.0/0000:03:00.0/nvme/nvme0";

        assertThat(PciAddress.allIn(path)).extracting(PciAddress::toString)
                .containsExactly("0000:00:01.0", "0000:01:00.0", "0000:02:08.0", "0000:03:00.0");
        assertThat(PciAddress.nearestIn(path)).map(PciAddress::toString).contains("0000:03:00.0");
        assertThat(PciAddress.nearestIn("/sys/devices/virtual/block/loop0")).isEmpty();
    }

    @Test
    void ordersByDomainBusDeviceFunction() {
        List<PciAddress> addresses = new ArrayList<>(List.of(
                PciAddress.parse("0001:00:00.0"), PciAddress.parse("0000:01:00.0"),
                PciAddress.parse("0000:00:02.1"), PciAddress.parse("0000:00:02.0")));

        addresses.sort(null);

        assertThat(addresses).extracting(PciAddress::toString)
                .containsExactly("0000:00:02.0", "0000:00:02.1", "0000:01:00.0", "0001:00:00.0");
    }
}
