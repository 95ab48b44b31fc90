package dev.asios.host.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.parse.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public parser of the package on mutated samples of its own format: it returns a value or
 * throws {@link ParseException}, never anything else. A quick, seeded stand-in for the Jazzer runs.
 */
class ParserRobustnessTest {

    private static final String ALPHABET = " \t\n\0:,-=[]\"()/\\0123456789abcNxyzCPU.";
    private static final int MUTANTS = 3000;

    static Stream<Arguments> parsers() {
        return Stream.of(
                parser("KernelVersion", KernelVersion::parse, "6.8.0-45-generic"),
                parser("bannerRelease", KernelInfo::parseBannerRelease, "Linux version 6.8.0 (gcc) #1 SMP"),
                parser("CommandLine", CommandLineParser::parse, "root=/dev/sda ro isolcpus=nohz,2-3 a=\"b c\" -- init"),
                parser("KernelChoice", KernelChoice::parse, "always [madvise] never"),
                parser("Swaps", SwapsParser::parse, "Filename Type Size Used Priority\n/dev/sda2 partition 8388604 0 -2\n"),
                parser("Mountinfo", MountTableParser::parseMountinfo, "34 31 0:30 / /sys/fs/cgroup/cpu rw shared:1 - cgroup cgroup rw,cpu\n"),
                parser("Mounts", MountTableParser::parseMounts, "cgroup2 /sys/fs/cgroup cgroup2 rw,nsdelegate 0 0\n"),
                parser("Interrupts", InterruptsParser::parse, "  CPU0 CPU1\n 24: 1 0 IO-APIC 5-edge  ACPI:Ged\nERR: 0\n"),
                parser("LockedMemory", LockedMemoryLimit::parse, "Max locked memory 8388608 unlimited bytes\n"),
                parser("Environ", EnvironParser::parse, "A=1\0container=docker\0"),
                parser("Flag", KernelValueParser::parseFlag, "1\n"),
                parser("SysfsCpuList", KernelValueParser::parseSysfsCpuList, "(null)\n"),
                parser("SpacedCpuList", KernelValueParser::parseSpacedCpuList, "0 1 2 3\n"),
                parser("BootCpuList", text -> KernelValueParser.parseBootCpuList(text, 7), "0-3,N"),
                parser("Isolcpus", text -> IsolcpusParameter.parse(text, 7), "nohz,domain,2-N"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsers")
    void throwsOnlyParseException(String name, Function<String, ?> parser, String seed) {
        Random random = new Random(name.hashCode());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < MUTANTS && failures.size() < 5; i++) {
            String input = i == 0 ? seed : mutate(seed, random);
            try {
                parser.apply(input);
            } catch (ParseException expected) {
                // the only allowed failure
            } catch (RuntimeException e) {
                failures.add(e + " on '" + input.replace("\0", "\\0").replace("\n", "\\n") + "'");
            }
        }
        assertThat(failures).as(name).isEmpty();
    }

    private static Arguments parser(String name, Function<String, ?> parser, String seed) {
        return Arguments.of(name, parser, seed);
    }

    private static String mutate(String seed, Random random) {
        StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "" : seed);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int position = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> text.insert(position, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> {
                    if (position < text.length()) {
                        text.deleteCharAt(position);
                    }
                }
                case 2 -> text.setLength(Math.min(text.length(), position));
                default -> text.insert(position, "9".repeat(random.nextInt(25)));
            }
        }
        return text.toString();
    }
}
