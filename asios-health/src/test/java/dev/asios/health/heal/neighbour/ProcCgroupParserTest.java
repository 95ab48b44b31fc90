package dev.asios.health.heal.neighbour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.health.heal.neighbour.ProcCgroupParser.Membership;
import dev.asios.host.parse.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcCgroupParserTest {

    @Test
    void readsEachHierarchysControllersAndPath() {
        // This host's /proc/self/cgroup (Debian 12, hybrid)
        assertThat(ProcCgroupParser.parse("9:name=systemd:/\n4:memory:/process_api/b386b796\n2:cpu,cpuacct:/a:b\n0::/\n")).containsExactly(
                new Membership(List.of("name=systemd"), "/"), new Membership(List.of("memory"), "/process_api/b386b796"),
                new Membership(List.of("cpu", "cpuacct"), "/a:b"), new Membership(List.of(), "/"));
    }

    @Test
    void refusesLinesWithoutThreeFieldsAndPathsOutsideTheHierarchy() {
        assertThatThrownBy(() -> ProcCgroupParser.parse("4:memory\n")).isInstanceOf(ParseException.class)
                .hasMessage("expected 'id:controllers:/path', found '4:memory'");
        assertThatThrownBy(() -> ProcCgroupParser.parse("0::/../../init.scope\n")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> ProcCgroupParser.parse("0::relative\n")).isInstanceOf(ParseException.class);
    }
}
