package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MountTableParserTest {

    @Test
    void readsMountinfoWithOptionalFields() {
        String text = """
                22 27 0:21 / /proc rw,relatime - proc proc rw
                33 31 0:29 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
                34 31 0:30 / /sys/fs/cgroup/cpu,cpuacct rw,relatime shared:10 master:2 - cgroup cgroup rw,cpu,cpuacct
                35 27 0:31 / /mnt/with\\040space rw - tmpfs tmpfs rw
                """;
        List<MountEntry> mounts = MountTableParser.parseMountinfo(text);
        assertThat(mounts).extracting(MountEntry::mountPoint)
                .containsExactly("/proc", "/sys/fs/cgroup", "/sys/fs/cgroup/cpu,cpuacct", "/mnt/with space");
        assertThat(mounts.get(1).fsType()).isEqualTo("cgroup2");
        assertThat(mounts).extracting(MountEntry::source).containsExactly("proc", "cgroup2", "cgroup", "tmpfs");
        assertThat(mounts.get(2).options()).containsExactly("rw", "relatime", "rw", "cpu", "cpuacct");
    }

    @Test
    void readsProcMountsOldAndNew() {
        String text = "none /dev/cpuset cgroup rw,relatime,cpuset,noprefix,release_agent=/sbin/cpuset_release_agent 0 0\n"
                + "none /cgroup/unified cgroup2 rw\n\n";
        List<MountEntry> mounts = MountTableParser.parseMounts(text);
        assertThat(mounts).containsExactly(
                new MountEntry("/dev/cpuset", "cgroup", List.of("rw", "relatime", "cpuset", "noprefix", "release_agent=/sbin/cpuset_release_agent"), "none"),
                new MountEntry("/cgroup/unified", "cgroup2", List.of("rw"), "none"));
    }

    @Test
    void emptyTablesHaveNoMounts() {
        assertThat(MountTableParser.parseMountinfo("")).isEmpty();
        assertThat(MountTableParser.parseMounts("\n  \n")).isEmpty();
    }

    @Test
    void decodesOnlyWellFormedOctalEscapes() {
        assertThat(MountTableParser.unescape("/a\\040b\\011c")).isEqualTo("/a b\tc");
        assertThat(MountTableParser.unescape("/a\\0")).isEqualTo("/a\\0");
        assertThat(MountTableParser.unescape("/a\\999\\")).isEqualTo("/a\\999\\");
        assertThat(MountTableParser.unescape("\\134")).isEqualTo("\\");
    }

    @ParameterizedTest
    @ValueSource(strings = {"22 27 0:21 / /proc rw,relatime proc proc rw", "22 27 0:21 / /proc rw -", "22 27 0:21 / /proc rw - proc",
            "- a b", "22 27 - 0:21 / /proc rw - proc proc rw"})
    void rejectsTruncatedMountinfo(String text) {
        assertThatThrownBy(() -> MountTableParser.parseMountinfo(text)).isInstanceOf(ParseException.class);
    }

    @Test
    void rejectsTruncatedMounts() {
        assertThatThrownBy(() -> MountTableParser.parseMounts("cgroup /sys/fs/cgroup/cpu cgroup")).isInstanceOf(ParseException.class);
    }
}
