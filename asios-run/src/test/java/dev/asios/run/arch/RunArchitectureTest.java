package dev.asios.run.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The design rules of the run layer, checked on the compiled classes. */
@AnalyzeClasses(packages = "dev.asios.run", importOptions = ImportOption.DoNotIncludeTests.class)
class RunArchitectureTest {

    /** Placement is a pure function of the topology: it knows nothing of launching or of the store, and reads no files. */
    @ArchTest
    static final ArchRule placementIsPure = noClasses()
            .that().resideInAPackage("dev.asios.run.place..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.asios.run.launch..", "dev.asios.run.store..", "java.sql..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files");

    /** The store records runs; it does not launch them. */
    @ArchTest
    static final ArchRule storeDoesNotLaunch = noClasses()
            .that().resideInAPackage("dev.asios.run.store..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.asios.run.launch..", "dev.asios.run.place..");

    /** No cycles between the packages of the run layer. */
    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.asios.run.(*)..").should().beFreeOfCycles();
}
