package dev.asios.observe.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The design rules of the observe layer, checked on the compiled classes. */
@AnalyzeClasses(packages = "dev.asios.observe", importOptions = ImportOption.DoNotIncludeTests.class)
class ObserveArchitectureTest {

    /** Observe depends on the host layer only. */
    @ArchTest
    static final ArchRule onlyTheHostLayerBelow = noClasses()
            .that().resideInAPackage("dev.asios.observe..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.asios.tune..", "dev.asios.run..", "dev.asios.bench..", "dev.asios.agent..", "dev.asios.cli..");

    /** The metric registry knows nothing of collectors or probes. */
    @ArchTest
    static final ArchRule registryStandsAlone = noClasses()
            .that().resideInAPackage("dev.asios.observe.metric..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.asios.observe.collect..", "dev.asios.host..");

    /** No cycles between the packages of the observe layer. */
    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.asios.observe.(*)..").should().beFreeOfCycles();
}
