package dev.asios.observe.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.host.parse.ParseException;
import dev.asios.observe.metric.MetricRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptDialectTest {

    private static final String MODERN = """
            tracepoint:sched:sched_switch
            {
              $woken = @runq_wake[args.next_pid];
              delete(@runq_wake, args.next_pid);
              delete(@bio_start, (args.dev, args.sector));
              @cuda_memcpy_start[tid, 0] = nsecs;
              delete(@cuda_memcpy_start, (tid, 0));
              @x[myargs.y] = 1;
            }
            """;

    @Test
    void readsTheVersionsThatDistributionsShip() {
        assertThat(BpftraceVersion.parse("bpftrace v0.17.0\n")).isEqualTo(new BpftraceVersion(0, 17, 0));
        assertThat(BpftraceVersion.parse("bpftrace v0.20.2")).hasToString("0.20.2");
        assertThat(BpftraceVersion.parse("bpftrace v0.21.0-80ca").atLeast(0, 21)).isTrue();
        assertThatThrownBy(() -> BpftraceVersion.parse("bpftrace: command not found")).isInstanceOf(ParseException.class)
                .hasMessageContaining("printed no version");
    }

    @Test
    void writesArrowsAndOldDeletesFor017() {
        String rendered = new ScriptDialect(new BpftraceVersion(0, 17, 0)).render(MODERN);
        assertThat(rendered).contains("@runq_wake[args->next_pid]", "delete(@runq_wake[args->next_pid]);", "delete(@bio_start[args->dev, args->sector]);",
                "delete(@cuda_memcpy_start[tid, 0]);", "@x[myargs.y]").doesNotContainPattern("\\bargs\\.");
    }

    @Test
    void keepsDotsFrom020AndTheNewDeleteFrom022() {
        String rendered020 = new ScriptDialect(new BpftraceVersion(0, 20, 2)).render(MODERN);
        assertThat(rendered020).contains("args.next_pid", "delete(@runq_wake[args.next_pid]);", "delete(@bio_start[args.dev, args.sector]);");
        assertThat(new ScriptDialect(new BpftraceVersion(0, 22, 0)).render(MODERN)).isEqualTo(MODERN);
    }

    @Test
    void assemblesPartsWithOneEndProbeThatClearsTheirScratchMaps() {
        MetricRegistry registry = new MetricRegistry();
        String script = ProbeScript.assemble(List.of(KernelParts.runQueue(registry), new PageFaultsPart(null, registry, 5)),
                new ScriptDialect(new BpftraceVersion(0, 17, 0)));
        assertThat(script).contains("// part runqueue", "// part page_faults", "software:page-faults:1").endsWith("END\n{\n  clear(@runq_wake);\n}\n");
        assertThat(script.split("\nEND\n", -1)).hasSize(2);
        assertThatThrownBy(() -> ProbeScript.assemble(List.of(KernelParts.runQueue(registry), KernelParts.runQueue(registry)),
                new ScriptDialect(new BpftraceVersion(0, 17, 0)))).hasMessageContaining("share the map");
        assertThatThrownBy(() -> ProbeScript.assemble(List.of(), new ScriptDialect(new BpftraceVersion(0, 17, 0))))
                .hasMessageContaining("at least one part");
    }
}
