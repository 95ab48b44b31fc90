package dev.asios.host.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The design rules of the host layer, checked on the compiled classes. The direction between
 * layers (host, then tune, run, …, cli) is enforced by the Maven module graph: a lower module
 * does not have a higher one on its class path.
 */
@AnalyzeClasses(packages = "dev.asios.host", importOptions = ImportOption.DoNotIncludeTests.class)
class HostArchitectureTest {

    /** Rule 1 of the design: one door to the kernel. */
    @ArchTest
    static final ArchRule onlySysrootTouchesFiles = noClasses()
            .that().resideOutsideOfPackage("dev.asios.host.sysroot..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.FileChannel")
            .because("every read of /proc, /sys and /dev goes through Sysroot, so it can be tested on recorded trees");

    /** Parsers are pure: they know no readers and no files. */
    @ArchTest
    static final ArchRule parsersArePure = noClasses()
            .that().resideInAPackage("dev.asios.host.parse..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.asios.host.sysroot..", "dev.asios.host.cpu..", "dev.asios.host.numa..", "dev.asios.host.pci..",
                    "dev.asios.host.block..", "dev.asios.host.kernel..", "dev.asios.host.inspect..", "dev.asios.host.findings..");

    /** Discovery does not know what is made of its results. */
    @ArchTest
    static final ArchRule discoveryDoesNotKnowItsUsers = noClasses()
            .that().resideInAnyPackage("dev.asios.host.cpu..", "dev.asios.host.numa..", "dev.asios.host.pci..",
                    "dev.asios.host.block..", "dev.asios.host.kernel..", "dev.asios.host.sysroot..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.asios.host.inspect..", "dev.asios.host.findings..");

    /** No cycles between the packages of the host layer. */
    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.asios.host.(*)..").should().beFreeOfCycles();
}
