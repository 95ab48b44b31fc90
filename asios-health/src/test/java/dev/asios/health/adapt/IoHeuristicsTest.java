package dev.asios.health.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.adapt.DeviceQueue.DeviceClass;
import dev.asios.health.adapt.DiskRounds.Load;
import dev.asios.health.adapt.IoShape.Access;
import dev.asios.health.adapt.IoShape.Mix;
import dev.asios.host.block.IoScheduler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each heuristic, and the shapes it acts on. */
class IoHeuristicsTest {

    private static final List<String> ALL = List.of("none", "mq-deadline", "kyber", "bfq");
    private static final Load MIXED_DEEP_SLOW = new Load(300, 16384, 0.5, 12, 0.04, 0.2);

    private static DeviceQueue queue(DeviceClass deviceClass, String active, long readAheadKib) {
        return new DeviceQueue("sdx", deviceClass, new IoScheduler(active, ALL), readAheadKib);
    }

    @Test
    void theShapeFollowsRequestSizeReadShareAndQueueDepth() {
        assertThat(IoShape.of(DiskRounds.pattern(DiskRounds.RANDOM_DEEP_READS))).isEqualTo(new IoShape(Access.RANDOM, Mix.READS, true));
        assertThat(IoShape.of(DiskRounds.pattern(DiskRounds.SEQUENTIAL_READS))).isEqualTo(new IoShape(Access.SEQUENTIAL, Mix.READS, false));
        assertThat(IoShape.of(DiskRounds.pattern(new Load(100, 65536, 0.1, 1, 0.01, 0.02)))).isEqualTo(new IoShape(Access.BETWEEN, Mix.WRITES, false));
        assertThat(IoShape.of(DiskRounds.pattern(MIXED_DEEP_SLOW)).mix()).isEqualTo(Mix.MIXED);
    }

    @Test
    void randomIoAtADeepQueueOnAFastDeviceTriesNone() {
        for (DeviceClass fast : List.of(DeviceClass.NVME, DeviceClass.VIRTIO, DeviceClass.FLASH)) {
            List<Candidate> candidates = IoHeuristics.candidates(queue(fast, "mq-deadline", 128), DiskRounds.pattern(DiskRounds.RANDOM_DEEP_READS));
            assertThat(candidates.getFirst()).extracting(Candidate::setting, Candidate::current, Candidate::proposed)
                    .containsExactly(Setting.SCHEDULER, "mq-deadline", "none");
        }
        Load shallow = new Load(2000, 4096, 1.0, 1, 0.0005, 0.002);
        assertThat(IoHeuristics.candidates(queue(DeviceClass.NVME, "mq-deadline", 128), DiskRounds.pattern(shallow))).isEmpty();
        assertThat(IoHeuristics.candidates(queue(DeviceClass.NVME, "none", 128), DiskRounds.pattern(DiskRounds.RANDOM_DEEP_READS))).isEmpty();
        assertThat(IoHeuristics.candidates(queue(DeviceClass.ROTATIONAL, "mq-deadline", 128), DiskRounds.pattern(DiskRounds.RANDOM_DEEP_READS)))
                .as("a seeking disk keeps its scheduler").isEmpty();
    }

    @Test
    void aRotationalDiskWithoutOrderingTriesMqDeadlineOrElseBfq() {
        Load mixed = new Load(150, 16384, 0.5, 2, 0.02, 0.1);
        assertThat(IoHeuristics.candidates(queue(DeviceClass.ROTATIONAL, "none", 128), DiskRounds.pattern(mixed)).getFirst().proposed())
                .isEqualTo("mq-deadline");
        assertThat(IoHeuristics.candidates(queue(DeviceClass.ROTATIONAL, "kyber", 128), DiskRounds.pattern(mixed)).getFirst().proposed())
                .isEqualTo("mq-deadline");
        DeviceQueue withoutDeadline = new DeviceQueue("sda", DeviceClass.ROTATIONAL, new IoScheduler("none", List.of("none", "bfq")), 128);
        assertThat(IoHeuristics.candidates(withoutDeadline, DiskRounds.pattern(mixed)).getFirst().proposed()).isEqualTo("bfq");
    }

    @Test
    void mixedReadsAndWritesAtADeepQueueOnASlowRotationalDiskTryBfq() {
        assertThat(IoHeuristics.candidates(queue(DeviceClass.ROTATIONAL, "mq-deadline", 128), DiskRounds.pattern(MIXED_DEEP_SLOW)).getFirst())
                .extracting(Candidate::proposed).isEqualTo("bfq");
        assertThat(IoHeuristics.candidates(queue(DeviceClass.ROTATIONAL, "mq-deadline", 128), DiskRounds.pattern(MIXED_DEEP_SLOW.withIops(5000))))
                .as("bfq's per-request cost would show above its IOPS bound").isEmpty();
    }

    @Test
    void longSequentialReadsTryALargerReadAhead() {
        List<Candidate> candidates = IoHeuristics.candidates(queue(DeviceClass.NVME, "none", 128), DiskRounds.pattern(DiskRounds.SEQUENTIAL_READS));
        assertThat(candidates).singleElement().extracting(Candidate::setting, Candidate::current, Candidate::proposed)
                .containsExactly(Setting.READ_AHEAD, "128", "1024");
        assertThat(IoHeuristics.candidates(queue(DeviceClass.NVME, "none", 512), DiskRounds.pattern(DiskRounds.SEQUENTIAL_READS)).getFirst().proposed())
                .isEqualTo("2048");
        assertThat(IoHeuristics.candidates(queue(DeviceClass.NVME, "none", 1024), DiskRounds.pattern(DiskRounds.SEQUENTIAL_READS))).isEmpty();
        Load sequentialWrites = new Load(200, 1 << 20, 0.0, 2, 0.01, 0.03);
        assertThat(IoHeuristics.candidates(queue(DeviceClass.NVME, "none", 128), DiskRounds.pattern(sequentialWrites))).isEmpty();
    }

    @Test
    void smallRandomReadsUnderALargeReadAheadTryTheDefault() {
        List<Candidate> candidates = IoHeuristics.candidates(queue(DeviceClass.VIRTIO, "none", 8192), DiskRounds.pattern(DiskRounds.RANDOM_DEEP_READS));
        assertThat(candidates).singleElement().extracting(Candidate::setting, Candidate::proposed).containsExactly(Setting.READ_AHEAD, "128");
        assertThat(IoHeuristics.candidates(queue(DeviceClass.VIRTIO, "mq-deadline", 8192), DiskRounds.pattern(DiskRounds.RANDOM_DEEP_READS)))
                .extracting(Candidate::setting).containsExactly(Setting.SCHEDULER, Setting.READ_AHEAD);
    }
}
