package dev.asios.tune.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The design rules of the tuning layer, checked on the compiled classes. */
@AnalyzeClasses(packages = "dev.asios.tune", importOptions = ImportOption.DoNotIncludeTests.class)
class TuneArchitectureTest {

    /**
     * Kernel files are changed only through the host layer's Sysroot; the tuning layer touches the
     * file system itself only for its own journal and for profile files.
     */
    @ArchTest
    static final ArchRule onlyJournalAndProfilesTouchFiles = noClasses()
            .that().resideOutsideOfPackages("dev.asios.tune.journal..", "dev.asios.tune.profile..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.FileChannel")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
            .because("every write to /proc and /sys goes through Sysroot, after the journal has the original");

    /** Plans are values: they know nothing of how they are applied. */
    @ArchTest
    static final ArchRule plansDoNotKnowTheExecutor = noClasses()
            .that().resideInAPackage("dev.asios.tune.plan..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.asios.tune.apply..", "dev.asios.tune.journal..", "dev.asios.tune.tunable..");

    /** No cycles between the packages of the tuning layer. */
    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.asios.tune.(*)..").should().beFreeOfCycles();
}
