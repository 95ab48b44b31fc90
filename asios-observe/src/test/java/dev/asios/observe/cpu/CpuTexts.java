package dev.asios.observe.cpu;

/** Kernel texts for the CPU tests: a host with CPUs 0 and 2 online and CPU 1 offline. */
final class CpuTexts {

    static final String STAT = """
            cpu  3000 20 1000 50000 70 0 40 10 5 0
            cpu0 1000 10 500 25000 30 0 20 5 5 0
            cpu2 2000 10 500 25000 40 0 20 5 0 0
            intr 36193478 0 0 0
            ctxt 46380687
            btime 1795579590
            processes 267047
            procs_running 3
            procs_blocked 1
            softirq 51260789 0 1015362 192 29016332 2626973 0 55241 1742128 13284273 3520288
            """;

    static final String INTERRUPTS = """
                       CPU0       CPU2
              24:          1          0  IO-APIC   5-edge      ACPI:Ged
              31:       3268       1375 PCI-MSIX-0000:00:01.0   3-edge      virtio0-stats
             NMI:          0          0   Non-maskable interrupts
             LOC:   10458382   14106109   Local timer interrupts
             ERR:          0
             MIS:          5
            """;

    static final String SOFTIRQS = """
                                CPU0       CPU1       CPU2
                      HI:          0          0          1
                   TIMER:     477537          0     537825
                  NET_TX:        101          0         91
                  NET_RX:   14630071          0   14386261
                   BLOCK:      50880          0    2576093
                IRQ_POLL:          0          0          0
                 TASKLET:      38260          0      16981
                   SCHED:     869849          0     872281
                 HRTIMER:    6449118          0    6835155
                     RCU:    1251575          0    2268715
            """;

    /** Version 15, the long-standing format. */
    static final String SCHEDSTAT_V15 = """
            version 15
            timestamp 4295215588
            cpu0 0 0 1024561 412233 598411 301920 19327826497 2339587023 612044
            domain0 00000005 2813 2751 37 30 22 0 1 5 1219 1201 3 16 2 0 9 12 27321 26805 229 4203 310 0 112 398 0 0 0 0 0 0 0 0 0 4155 1302 0
            cpu2 0 0 998123 401002 587301 299833 18876544312 2204158870 597812
            domain0 00000005 2790 2733 31 26 19 0 2 4 1188 1170 5 19 3 0 7 11 26998 26511 207 3987 290 0 98 371 0 0 0 0 0 0 0 0 0 4020 1255 0
            """;

    /** Version 17, whose domain lines name the domain. */
    static final String SCHEDSTAT_V17 = """
            version 17
            timestamp 4302748193
            cpu0 0 0 2048001 812400 1199120 603001 38655652994 4679174046 1224088
            domain0 PKG 00000005 5626 5502 74 60 0 0 60 44 0 2 10 2438 2402 6 32 0 0 4 0 0 6 18 54642 53610 458 8406 0 0 8406 620 0 224 796 0 0 0 0 0 0 0 0 0 8310 2604 0
            cpu2 0 0 1996246 802004 1174602 599666 37753088624 4408317740 1195624
            domain0 PKG 00000005 5580 5466 62 52 0 0 52 38 0 4 8 2376 2340 10 38 0 0 6 0 0 6 14 53996 53022 414 7974 0 0 7974 580 0 196 742 0 0 0 0 0 0 0 0 0 8040 2510 0
            """;

    private CpuTexts() {
    }
}
