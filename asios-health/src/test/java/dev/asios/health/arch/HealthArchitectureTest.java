package dev.asios.health.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The design rules of the health layer, checked on the compiled classes. */
@AnalyzeClasses(packages = "dev.asios.health", importOptions = ImportOption.DoNotIncludeTests.class)
class HealthArchitectureTest {

    /** Health sits on observe, tune and run; it never reaches up to bench, the agent or the CLI. */
    @ArchTest
    static final ArchRule nothingAbove = noClasses()
            .that().resideInAPackage("dev.asios.health..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.asios.bench..", "dev.asios.agent..", "dev.asios.cli..");

    /** No cycles between the packages of the health layer. */
    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.asios.health.(*)..").should().beFreeOfCycles();
}
