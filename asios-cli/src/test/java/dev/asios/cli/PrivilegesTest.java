package dev.asios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrivilegesTest {

    @Test
    void readsTheEffectiveUid() {
        assertThat(Privileges.isRoot("Name:\tx\nUid:\t0\t0\t0\t0\n")).isTrue();
        assertThat(Privileges.isRoot("Uid:\t1000\t1000\t1000\t1000\n")).isFalse();
        assertThat(Privileges.isRoot("Uid:\t1000\t0\t0\t0\n")).as("effective uid 0").isTrue();
        assertThat(Privileges.isRoot("garbage")).isFalse();
    }
}
