package cn.ola.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Top-level packages are modules: no cycles between them, the domain types stay free of frameworks,
 * and only the classes named here reach the database themselves.
 */
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

    /**
     * The classes that reach the database themselves. Each of our tables is read and written by the
     * classes of one module, its owner ({@link TableOwnersTest} holds who owns which); every other
     * module asks the owner. A class added here is a decision about who owns what.
     */
    static final Set<String> DATABASE_CLASSES = Set.of(
            // our tables, each in its owner module
            "cn.ola.api.IdempotentRequests",
            "cn.ola.audit.AuditTrail",
            "cn.ola.audit.AuditFigures",
            "cn.ola.company.Companies",
            "cn.ola.events.MaterialEventTable",
            "cn.ola.events.SubsequentOfferingTable",
            "cn.ola.filing.ListingApplications",
            "cn.ola.filing.CaseProgress",
            "cn.ola.filing.CaseSearch",
            "cn.ola.filing.CaseFigures",
            "cn.ola.filing.ListingsElsewhere",
            "cn.ola.filing.DocumentStore",
            "cn.ola.filing.DocumentFilesImport",
            "cn.ola.notification.Notifications",
            "cn.ola.security.SignInThrottle",
            "cn.ola.staff.WorkQueue",
            "cn.ola.staff.WorkQueueRecorder",
            // the engine's tables: reads the engine's API cannot answer in one query, and upgrades of its rows
            "cn.ola.staff.ApplicationSearch",
            "cn.ola.dashboard.DashboardQueries",
            "cn.ola.identity.TaskPoolGrants",
            "cn.ola.ops.StartupLock",
            "cn.ola.workflow.EngineSchemaTurns",
            "cn.ola.workflow.EngineTableIndexes",
            "cn.ola.workflow.StaffFormTextsUpgrade",
            // the database itself: which product it is, for start-up and for Spring Session's statements
            "cn.ola.ops.StartupReport",
            "cn.ola.security.SharedSessions");

    private static final DescribedPredicate<JavaClass> NAMED_DATABASE_CLASSES = DescribedPredicate.describe(
            "are named in DATABASE_CLASSES", javaClass -> DATABASE_CLASSES.contains(javaClass.getName().split("\\$")[0]));

    private static final DescribedPredicate<JavaClass> JDBC_ACCESS = DescribedPredicate.describe(
            "give access to a database (JdbcClient, JdbcTemplate, NamedParameterJdbcTemplate, DataSource, Connection, …)",
            javaClass -> javaClass.getPackageName().startsWith("org.springframework.jdbc.core")
                    || javaClass.getPackageName().startsWith("org.springframework.jdbc.object")
                    || javaClass.getPackageName().startsWith("org.springframework.jdbc.datasource")
                    || Set.of("javax.sql.DataSource", "java.sql.Connection", "java.sql.Statement", "java.sql.PreparedStatement",
                            "java.sql.CallableStatement", "java.sql.DriverManager").contains(javaClass.getName()));

    @ArchTest
    static final ArchRule onlyNamedClassesReachTheDatabase = noClasses()
            .that(DescribedPredicate.not(NAMED_DATABASE_CLASSES))
            .should().dependOnClassesThat(JDBC_ACCESS)
            .because("each of our tables has one owner module that the others ask (see TableOwnersTest)");
}
