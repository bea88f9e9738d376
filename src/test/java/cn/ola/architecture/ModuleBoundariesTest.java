package cn.ola.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Top-level packages are modules: no cycles between them, and the domain types stay free of frameworks. */
@AnalyzeClasses(packages = "cn.ola", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule modulesHaveNoCycles = slices().matching("cn.ola.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainTypesUseNoFramework = noClasses()
            .that().haveSimpleName("UnifiedSocialCreditCode").or().haveSimpleName("ApplicationNumber")
            .or().haveSimpleName("WorkingDayCalendar")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta..");

    @ArchTest
    static final ArchRule onlyTheWorkflowModuleTalksToTheEngineRuntime = noClasses()
            .that().resideInAnyPackage("cn.ola.portal..", "cn.ola.company..", "cn.ola.filing..", "cn.ola.calendar..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.RuntimeService")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.TaskService");
}
