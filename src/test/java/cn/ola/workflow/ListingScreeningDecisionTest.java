package cn.ola.workflow;

import static cn.ola.workflow.ProcessVariables.CIIO;
import static cn.ola.workflow.ProcessVariables.EARLIEST_CLOUD_CONTRACT_END;
import static cn.ola.workflow.ProcessVariables.INDUSTRY;
import static cn.ola.workflow.ProcessVariables.ISSUER_TYPE;
import static cn.ola.workflow.ProcessVariables.MAIN_PLACE_OF_BUSINESS;
import static cn.ola.workflow.ProcessVariables.NETWORK_PLATFORM_OPERATOR;
import static cn.ola.workflow.ProcessVariables.PERSONAL_INFO_USERS;
import static cn.ola.workflow.ProcessVariables.PREVIOUSLY_LISTED_EXCHANGE;
import static cn.ola.workflow.ProcessVariables.USES_THIRD_PARTY_CLOUD;
import static cn.ola.workflow.ProcessVariables.VENUE_EXCHANGE;
import static cn.ola.workflow.ProcessVariables.VENUE_REGION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.ola.filing.BusinessFacts;
import cn.ola.filing.DataFacts;
import cn.ola.filing.Declarations;
import cn.ola.filing.StateAssets;
import cn.ola.filing.Reasons;

/**
 * The screening tables D1 to D6 of {@code bpmn/listing-screening.dmn}. The table cases run on a
 * DMN engine parsed once (fast); the tests at the end deploy the file to a process engine, as
 * production does, and check that its decision service (FEEL by feel-scala) gives every case the
 * same answer and that every rule is reached by a case. Thresholds are tested from both sides.
 */
@ExtendWith(ProcessEngineExtension.class)
class ListingScreeningDecisionTest {

    // The filed facts the decisions read, by the names their questions give them.
    private static final String IMPORTANT_DATA = DataFacts.IMPORTANT_DATA.name();
    private static final String PI_EXPORTED_NON_SENSITIVE = DataFacts.PI_EXPORTED_NON_SENSITIVE.name();
    private static final String PI_EXPORTED_SENSITIVE = DataFacts.PI_EXPORTED_SENSITIVE.name();
    private static final String DOMESTIC_REVENUE_PCT = BusinessFacts.DOMESTIC_REVENUE_PCT.name();
    private static final String DOMESTIC_PROFIT_PCT = BusinessFacts.DOMESTIC_PROFIT_PCT.name();
    private static final String DOMESTIC_ASSETS_PCT = BusinessFacts.DOMESTIC_ASSETS_PCT.name();
    private static final String DOMESTIC_NET_ASSETS_PCT = BusinessFacts.DOMESTIC_NET_ASSETS_PCT.name();
    private static final String MANAGEMENT_MOSTLY_PRC = BusinessFacts.MANAGEMENT_MOSTLY_PRC.name();
    private static final String DECL_PROHIBITED_BY_LAW = Declarations.PROHIBITED_BY_LAW.name();
    private static final String DECL_NATIONAL_SECURITY_THREAT = Declarations.NATIONAL_SECURITY_THREAT.name();
    private static final String DECL_RECENT_CRIMINAL_OFFENCE = Declarations.RECENT_CRIMINAL_OFFENCE.name();
    private static final String DECL_UNDER_INVESTIGATION = Declarations.UNDER_INVESTIGATION.name();
    private static final String DECL_OWNERSHIP_DISPUTE = Declarations.OWNERSHIP_DISPUTE.name();
    private static final String STATE_ASSETS_SUPERVISOR = StateAssets.STATE_ASSETS_SUPERVISOR.name();
    private static final String PREVIOUSLY_LISTED_ABROAD_ON = BusinessFacts.PREVIOUSLY_LISTED_ABROAD_ON.name();

    static final String FILE = "bpmn/listing-screening.dmn";
    static final String REQUIREMENTS_GRAPH = "listing-screening";

    static final String CYBERSECURITY = "cybersecurity-review-requirement";
    static final String INDUSTRY_APPROVAL = "industry-prior-approval";
    static final String PI_EXPORT = "pi-export-route";
    static final String NEGATIVE = "negative-list";
    static final String TYPE = "listing-type";
    static final String STATE_CLOUD = "state-cloud-migration";
    static final String REQUIRED_DOCUMENTS = RequiredDocuments.DECISION;
    /** Takes the six in one evaluation, as the process does. */
    static final String RESULTS = ScreeningDecision.RESULTS_DECISION;

    /** The reasons' texts, as the application reads them. */
    static final MessageSource MESSAGES = messages();

    private static Map<String, DmnDecision> decisions;
    private static DmnEngine dmnEngine;

    ProcessEngine engine;

    @BeforeAll
    static void parseTheFile() throws Exception {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream file = ListingScreeningDecisionTest.class.getClassLoader().getResourceAsStream(FILE)) {
            decisions = dmnEngine.parseDecisions(file).stream()
                    .collect(Collectors.toMap(DmnDecision::getKey, Function.identity()));
        }
    }

    // --- D1 cybersecurity review ---------------------------------------------------------------

    static Stream<Case> cybersecurityReview() {
        return Stream.of(
                requirement("CIIO listing in Hong Kong with few users",
                        facts(CIIO, true, VENUE_REGION, "HK", VENUE_EXCHANGE, "HKEX",
                                NETWORK_PLATFORM_OPERATOR, false, PERSONAL_INFO_USERS, 10L),
                        "MANDATORY", "Critical information infrastructure operator"),
                requirement("CIIO already listed abroad before 2022-02-15",
                        facts(CIIO, true, PREVIOUSLY_LISTED_ABROAD_ON, "2020-06-30", PREVIOUSLY_LISTED_EXCHANGE, "NYSE",
                                VENUE_REGION, "US", VENUE_EXCHANGE, "NYSE"),
                        "MANDATORY", "Critical information infrastructure operator"),
                requirement("Listed on NASDAQ on 2022-02-14, the day before the measures took effect, offering there again",
                        platformOperator("US", "NASDAQ", 2_000_000L).with(PREVIOUSLY_LISTED_ABROAD_ON, "2022-02-14")
                                .with(PREVIOUSLY_LISTED_EXCHANGE, "NASDAQ"),
                        "NOT_REQUIRED", "2022-02-14", "2022-02-15", "Nasdaq Stock Market"),
                requirement("Listed on NASDAQ on 2022-02-15, the day the measures took effect",
                        platformOperator("US", "NASDAQ", 2_000_000L).with(PREVIOUSLY_LISTED_ABROAD_ON, "2022-02-15")
                                .with(PREVIOUSLY_LISTED_EXCHANGE, "NASDAQ"),
                        "MANDATORY", "2,000,000 users", "Nasdaq Stock Market"),
                requirement("Listed on NASDAQ before the measures, now listing on the NYSE: another market",
                        platformOperator("US", "NYSE", 2_000_000L).with(PREVIOUSLY_LISTED_ABROAD_ON, "2020-06-30")
                                .with(PREVIOUSLY_LISTED_EXCHANGE, "NASDAQ"),
                        "MANDATORY", "2,000,000 users", "New York Stock Exchange", "Art. 7"),
                requirement("Listed in Hong Kong before the measures, now listing in London",
                        platformOperator("GB", "LSE", 2_000_000L).with(PREVIOUSLY_LISTED_ABROAD_ON, "2019-11-26")
                                .with(PREVIOUSLY_LISTED_EXCHANGE, "HKEX"),
                        "MANDATORY", "2,000,000 users", "Art. 7"),
                requirement("Listed before the measures on an exchange not on the list, offering on one not on it either",
                        platformOperator("FR", "OTHER", 2_000_000L).with(PREVIOUSLY_LISTED_ABROAD_ON, "2020-06-30")
                                .with(PREVIOUSLY_LISTED_EXCHANGE, "OTHER"),
                        "MANDATORY", "2,000,000 users", "Art. 7"),
                requirement("Listed before the measures, market of that listing not given",
                        platformOperator("US", "NASDAQ", 2_000_000L).with(PREVIOUSLY_LISTED_ABROAD_ON, "2020-06-30"),
                        "MANDATORY", "2,000,000 users", "Art. 7"),
                requirement("Earlier listing date left empty",
                        platformOperator("US", "NYSE", 2_000_000L).with(PREVIOUSLY_LISTED_ABROAD_ON, ""),
                        "MANDATORY", "2,000,000 users", "New York Stock Exchange"),
                requirement("1,000,001 users listing in the US",
                        platformOperator("US", "NASDAQ", 1_000_001L),
                        "MANDATORY", "1,000,001 users (more than 1,000,000)", "Nasdaq Stock Market", "Art. 7"),
                requirement("1,000,000 users listing in the US",
                        platformOperator("US", "NASDAQ", 1_000_000L),
                        "NOT_REQUIRED", "1,000,000 users do not exceed the threshold of 1,000,000"),
                requirement("999,999 users listing in the US",
                        platformOperator("US", "NASDAQ", 999_999L),
                        "NOT_REQUIRED", "999,999 users do not exceed the threshold of 1,000,000"),
                requirement("1,000,001 users listing in Hong Kong",
                        platformOperator("HK", "HKEX", 1_000_001L),
                        "DISCRETIONARY", "1,000,001 users", "Hong Kong", "Stock Exchange of Hong Kong (HKEX)", "may open a review"),
                requirement("1,000,000 users listing in Hong Kong",
                        platformOperator("HK", "HKEX", 1_000_000L),
                        "NOT_REQUIRED", "1,000,000 users do not exceed the threshold of 1,000,000"),
                requirement("Listing in London", platformOperator("GB", "London Stock Exchange", 5_000_000L),
                        "MANDATORY", "5,000,000 users", "London Stock Exchange"),
                requirement("Listing in Singapore", platformOperator("SG", "SGX", 1_500_000),
                        "MANDATORY", "1,500,000 users", "Singapore Exchange"),
                requirement("Listing in Macao counts as abroad", platformOperator("MO", "Macao exchange", 1_200_000L),
                        "MANDATORY", "1,200,000 users"),
                requirement("User count filed as a decimal number",
                        platformOperator("US", "NASDAQ", 1_000_001.0),
                        "MANDATORY", "1,000,001 users (more than 1,000,000)"),
                requirement("Venue not filed is treated as abroad",
                        platformOperator(null, null, 3_000_000L),
                        "MANDATORY", "3,000,000 users", "an exchange not named"),
                requirement("Mainland listing", platformOperator("CN", "STAR Market", 5_000_000L),
                        "NOT_REQUIRED", "STAR Market", "mainland China"),
                requirement("Not a network platform operator",
                        platformOperator("US", "NASDAQ", 5_000_000L).with(NETWORK_PLATFORM_OPERATOR, false),
                        "NOT_REQUIRED", "Not a network platform operator"),
                requirement("Network platform operator answer missing",
                        platformOperator("US", "NASDAQ", 5_000_000L).with(NETWORK_PLATFORM_OPERATOR, null),
                        "NOT_REQUIRED", "Not a network platform operator"),
                requirement("User count missing",
                        platformOperator("US", "NASDAQ", null),
                        "NOT_REQUIRED", "not given", "1,000,000"),
                requirement("Every fact null",
                        facts(CIIO, null, PREVIOUSLY_LISTED_ABROAD_ON, null, PREVIOUSLY_LISTED_EXCHANGE, null,
                                VENUE_REGION, null, VENUE_EXCHANGE, null,
                                NETWORK_PLATFORM_OPERATOR, null, PERSONAL_INFO_USERS, null),
                        "NOT_REQUIRED", "Not a network platform operator"),
                requirement("Nothing filed at all", facts(),
                        "NOT_REQUIRED", "Not a network platform operator"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cybersecurityReview")
    void cybersecurityReviewRequirement(Case c) {
        c.verify(ListingScreeningDecisionTest::evaluate);
    }

    // --- D2 industry prior approval ------------------------------------------------------------

    static Stream<Case> industryApproval() {
        String nfra = "National Financial Regulatory Administration";
        return Stream.of(
                approval("Tobacco", "TOBACCO", "industry-regulator-tobacco", "State Tobacco Monopoly Administration",
                        "Tobacco", "State Tobacco Monopoly Administration"),
                approval("Banking", "BANKING", "industry-regulator-nfra", nfra, "Banking", nfra),
                approval("Insurance", "INSURANCE", "industry-regulator-nfra", nfra, "Insurance", nfra),
                approval("Software", "SOFTWARE", null, null, "Software and IT services", "not on the prior-approval list"),
                approval("E-commerce", "E_COMMERCE", null, null, "E-commerce", "not on the prior-approval list"),
                approval("Industry not filed", null, null, null, "No industry given"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("industryApproval")
    void industryPriorApproval(Case c) {
        c.verify(ListingScreeningDecisionTest::evaluate);
    }

    // --- D3 personal-information export route --------------------------------------------------

    static Stream<Case> piExport() {
        return Stream.of(
                route("CIIO exporting nothing", exports(0L, 0L).with(CIIO, true),
                        "SECURITY_ASSESSMENT", "Critical information infrastructure operator"),
                route("Important data", exports(10L, 0L).with(IMPORTANT_DATA, true),
                        "SECURITY_ASSESSMENT", "Important data"),
                route("1,000,001 people non-sensitive", exports(1_000_001L, 0L),
                        "SECURITY_ASSESSMENT", "Non-sensitive personal information of 1,000,001 people", "more than 1,000,000"),
                route("1,000,000 people non-sensitive", exports(1_000_000L, 0L),
                        "STANDARD_CONTRACT", "Non-sensitive personal information of 1,000,000 people", "100,000 to 1,000,000"),
                route("100,000 people non-sensitive", exports(100_000L, 0L),
                        "STANDARD_CONTRACT", "Non-sensitive personal information of 100,000 people"),
                route("99,999 people non-sensitive", exports(99_999L, 0L),
                        "EXEMPT", "99,999 people", "fewer than 100,000"),
                route("10,001 people sensitive", exports(0L, 10_001L),
                        "SECURITY_ASSESSMENT", "Sensitive personal information of 10,001 people", "more than 10,000"),
                route("10,000 people sensitive", exports(0L, 10_000L),
                        "STANDARD_CONTRACT", "Sensitive personal information of 10,000 people", "1 to 10,000"),
                route("1 person sensitive", exports(0L, 1L),
                        "STANDARD_CONTRACT", "Sensitive personal information of 1 people"),
                route("Sensitive threshold decides over a small non-sensitive export", exports(50_000L, 10_001L),
                        "SECURITY_ASSESSMENT", "10,001 people"),
                route("Non-sensitive threshold decides over a small sensitive export", exports(1_000_001L, 5L),
                        "SECURITY_ASSESSMENT", "1,000,001 people"),
                route("Counts filed as decimal numbers", exports(100_000.0, 0.0),
                        "STANDARD_CONTRACT", "100,000 people"),
                route("Nothing exported", exports(0L, 0L).with(CIIO, false).with(IMPORTANT_DATA, false),
                        "EXEMPT", "0 people"),
                route("Every fact null", exports(null, null).with(CIIO, null).with(IMPORTANT_DATA, null),
                        "EXEMPT", "0 people"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("piExport")
    void piExportRoute(Case c) {
        c.verify(ListingScreeningDecisionTest::evaluate);
    }

    // --- D4 negative list ----------------------------------------------------------------------

    static Stream<Case> negativeList() {
        return Stream.of(
                negative("Art. 8(1) prohibited by law", declarations().with(DECL_PROHIBITED_BY_LAW, true),
                        "PROHIBITED", "Art. 8(1)", "prohibited by laws"),
                negative("Art. 8(2) national security", declarations().with(DECL_NATIONAL_SECURITY_THREAT, true),
                        "PROHIBITED", "Art. 8(2)", "national security"),
                negative("Art. 8(3) recent criminal offence", declarations().with(DECL_RECENT_CRIMINAL_OFFENCE, true),
                        "PROHIBITED", "Art. 8(3)", "past three years", "bribery"),
                negative("Art. 8(4) under investigation", declarations().with(DECL_UNDER_INVESTIGATION, true),
                        "PROHIBITED", "Art. 8(4)", "under investigation"),
                negative("Art. 8(5) ownership dispute", declarations().with(DECL_OWNERSHIP_DISPUTE, true),
                        "PROHIBITED", "Art. 8(5)", "ownership disputes"),
                negative("The first item declared is named", declarations()
                                .with(DECL_RECENT_CRIMINAL_OFFENCE, true).with(DECL_OWNERSHIP_DISPUTE, true),
                        "PROHIBITED", "Art. 8(3)"),
                negative("Nothing declared", declarations(), "CLEAR", "None of the five circumstances of Art. 8"),
                negative("Declarations missing", facts(), "CLEAR", "None of the five circumstances of Art. 8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negativeList")
    void negativeListScreening(Case c) {
        c.verify(ListingScreeningDecisionTest::evaluate);
    }

    // --- D5 listing type -----------------------------------------------------------------------

    static Stream<Case> listingTypes() {
        return Stream.of(
                listingType("PRC joint-stock issuer", facts(ISSUER_TYPE, "PRC_JOINT_STOCK"),
                        "DIRECT", "PRC joint-stock company"),
                listingType("PRC joint-stock issuer with an offshore profile",
                        offshore(90.0, null, null, null, false, "SG").with(ISSUER_TYPE, "PRC_JOINT_STOCK"),
                        "DIRECT", "PRC joint-stock company"),
                listingType("Revenue 50.01% with PRC management", offshore(50.01, null, null, null, true, "SG"),
                        "INDIRECT", "revenue (50.01%)", "senior managers are mostly PRC citizens"),
                listingType("Revenue 50% with PRC management", offshore(50, null, null, null, true, "CN"),
                        "NOT_APPLICABLE", "at most 50%", "highest 50%"),
                listingType("Every share exactly 50%", offshore(50, 50.0, 50, 50.0, true, "CN"),
                        "NOT_APPLICABLE", "highest 50%"),
                listingType("Profit above half, business in mainland China", offshore(10, 75.5, 20, 30, false, "CN"),
                        "INDIRECT", "profit (75.5%)", "main place of business is in mainland China"),
                listingType("Total assets above half", offshore(null, null, 60, null, true, "CN"),
                        "INDIRECT", "total assets (60%)", "senior managers", "main place of business"),
                listingType("Net assets above half", offshore(null, null, null, 51, null, "CN"),
                        "INDIRECT", "net assets (51%)"),
                listingType("Above half but managed and based abroad", offshore(90, 80, null, null, false, "SG"),
                        "NOT_APPLICABLE", "revenue (90%), profit (80%)", "not mostly PRC citizens", "outside mainland China"),
                listingType("Above half, management and place of business not filed", offshore(90, null, null, null, null, null),
                        "NOT_APPLICABLE", "not mostly PRC citizens"),
                listingType("Nothing filed", facts(), "NOT_APPLICABLE", "highest 0%"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listingTypes")
    void listingType(Case c) {
        c.verify(ListingScreeningDecisionTest::evaluate);
    }

    // --- D6 state-cloud data migration ---------------------------------------------------------

    static Stream<Case> stateCloud() {
        return Stream.of(
                migration("No state-assets supervisor", cloud(null, true, "2022-03-31"),
                        false, null, "No state-owned assets supervisor"),
                migration("Blank state-assets supervisor", cloud("  ", true, "2022-03-31"),
                        false, null, "No state-owned assets supervisor"),
                migration("Supervised, no third-party cloud", cloud("SASAC", false, null),
                        false, null, "SASAC", "without third-party cloud"),
                migration("Supervised, cloud answer missing", cloud("SASAC", null, null),
                        false, null, "without third-party cloud"),
                migration("Contract ends 2022-03-15: two months later is earlier",
                        cloud("SASAC", true, "2022-03-15"),
                        true, "2022-05-15", "by 2022-05-15", "2022-03-15", "2022-09-30"),
                migration("Contract ends 2022-07-29: one day before the deadline",
                        cloud("Beijing SASAC", true, "2022-07-29"),
                        true, "2022-09-29", "Beijing SASAC", "by 2022-09-29"),
                migration("Contract ends 2022-07-30: two months later is the deadline itself",
                        cloud("SASAC", true, "2022-07-30"),
                        true, "2022-09-30", "deadline of 2022-09-30", "2022-07-30"),
                migration("Contract ends after the deadline", cloud("SASAC", true, "2022-12-31"),
                        true, "2022-09-30", "deadline of 2022-09-30", "2022-12-31", "not earlier"),
                migration("Contract end not filed", cloud("SASAC", true, null),
                        true, "2022-09-30", "deadline of 2022-09-30", "no cloud contract end date"),
                migration("Nothing filed", facts(), false, null, "No state-owned assets supervisor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stateCloud")
    void stateCloudMigration(Case c) {
        c.verify(ListingScreeningDecisionTest::evaluate);
    }

    // --- the file as the process engine runs it --------------------------------------------------

    @Test
    @Deployment(resources = FILE)
    void theProcessEngineDecidesEveryCaseAlike() {
        allCases().forEach(c -> {
            Map<String, Object> inProcessEngine = c.verify(this::evaluateInProcessEngine);
            assertThat(inProcessEngine).as("same outputs, reason included: " + c)
                    .isEqualTo(evaluate(c.decision(), c.facts()));
        });
    }

    @Test
    @Deployment(resources = FILE)
    void everyRuleIsReachedByACase() {
        allCases().forEach(c -> evaluateInProcessEngine(c.decision(), c.facts()));
        engine.getDecisionService().evaluateDecisionByKey(RESULTS).variables(Variables.fromMap(largePlatformInNewYork())).evaluate();
        engine.getDecisionService().evaluateDecisionByKey(REQUIRED_DOCUMENTS)
                .variables(Variables.fromMap(largePlatformInNewYork())).evaluate();

        String[] deployedDecisions = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionRequirementsDefinitionKey(REQUIREMENTS_GRAPH).list().stream()
                .map(DecisionDefinition::getId)
                .toArray(String[]::new);
        Set<String> firedRules = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionIdIn(deployedDecisions)
                .includeOutputs().list().stream()
                .map(HistoricDecisionInstance::getOutputs)
                .flatMap(List::stream)
                .map(HistoricDecisionOutputInstance::getRuleId)
                .collect(Collectors.toSet());
        Set<String> allRules = decisionTables().values().stream()
                .flatMap(table -> table.getRules().stream())
                .map(Rule::getId)
                .collect(Collectors.toSet());
        assertThat(firedRules).containsExactlyInAnyOrderElementsOf(allRules);
    }

    @Test
    @Deployment(resources = FILE)
    void everyDecisionOffersTheOutputsTheProcessMaps() {
        Map<String, List<String>> expected = Map.of(
                CYBERSECURITY, List.of("cybersecurityReview", "cybersecurityReviewReason"),
                INDUSTRY_APPROVAL, List.of("industryRegulatorGroup", "industryRegulatorName", "industryRegulatorGroupReason"),
                PI_EXPORT, List.of("piExportRoute", "piExportRouteReason"),
                NEGATIVE, List.of("negativeList", "negativeListReason"),
                TYPE, List.of("listingType", "listingTypeReason"),
                STATE_CLOUD, List.of("migrationEvidenceRequired", "migrationDeadline", "migrationEvidenceRequiredReason"),
                RESULTS, List.of("negativeList", "negativeListReason", "cybersecurityReview", "cybersecurityReviewReason",
                        "piExportRoute", "piExportRouteReason", "listingType", "listingTypeReason", "industryRegulatorGroup",
                        "industryRegulatorName", "industryRegulatorGroupReason", "migrationEvidenceRequired",
                        "migrationDeadline", "migrationEvidenceRequiredReason"),
                REQUIRED_DOCUMENTS, List.of("document", "because"));

        assertThat(engine.getRepositoryService().createDecisionRequirementsDefinitionQuery()
                .decisionRequirementsDefinitionKey(REQUIREMENTS_GRAPH).singleResult().getName())
                .isEqualTo("Listing screening");
        assertThat(decisionTables().keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        decisionTables().forEach((key, table) -> {
            assertThat(table.getHitPolicy()).as(key).isEqualTo(key.equals(RESULTS) ? HitPolicy.UNIQUE
                    : key.equals(REQUIRED_DOCUMENTS) ? HitPolicy.COLLECT : HitPolicy.FIRST);
            assertThat(table.getOutputs().stream().map(Output::getName)).as(key)
                    .containsExactlyElementsOf(expected.get(key));
        });
    }

    @Test
    @Deployment(resources = FILE)
    void oneEvaluationTakesTheSixDecisionsAndKeepsEachInTheHistory() {
        Map<String, Object> facts = largePlatformInNewYork();

        Map<String, Object> together = engine.getDecisionService().evaluateDecisionByKey(RESULTS)
                .variables(Variables.fromMap(facts)).evaluate().getSingleResult().getEntryMap();

        Map<String, Object> oneByOne = new java.util.HashMap<>();
        for (ScreeningDecision decision : ScreeningDecision.values()) {
            oneByOne.putAll(evaluate(decision.decisionKey(), facts));
        }
        assertThat(together).isEqualTo(oneByOne);
        assertThat(together).containsEntry("cybersecurityReview", "MANDATORY").containsEntry("negativeList", "CLEAR");
        var root = engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey(RESULTS)
                .singleResult();
        assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().rootDecisionInstanceId(root.getId())
                .includeOutputs().list()).extracting(HistoricDecisionInstance::getDecisionDefinitionKey)
                .containsExactlyInAnyOrder(RESULTS, NEGATIVE, CYBERSECURITY, PI_EXPORT, TYPE, INDUSTRY_APPROVAL, STATE_CLOUD);
    }

    @Test
    @Deployment(resources = FILE)
    void theDocumentsTheScreeningCallsForBeforeSubmission() {
        Map<String, Object> large = largePlatformInNewYork();
        assertThat(requiredDocuments(large)).containsExactly(
                "CYBERSECURITY_REVIEW_DECLARATION because CYBERSECURITY_REVIEW",
                "NATIONAL_SECURITY_IMPACT_REPORT because CYBERSECURITY_REVIEW", "IPO_DOCUMENTS because CYBERSECURITY_REVIEW",
                "PI_SELF_ASSESSMENT because PI_EXPORT");

        Map<String, Object> inHongKong = new java.util.HashMap<>(large);
        inHongKong.put("venueRegion", "HK");
        inHongKong.put("piExportedNonSensitive", 5_000L);
        assertThat(requiredDocuments(inHongKong)).as("a discretionary review, an exempt export").isEmpty();

        Map<String, Object> smallExporter = new java.util.HashMap<>(large);
        smallExporter.put("personalInfoUsers", 800_000L);
        smallExporter.put("piExportedSensitive", 12L);
        assertThat(requiredDocuments(smallExporter)).containsExactly("PI_SELF_ASSESSMENT because PI_EXPORT");

        Map<String, Object> nothingFiledYet = new java.util.HashMap<>();
        largePlatformInNewYork().keySet().forEach(name -> nothingFiledYet.put(name, null));
        assertThat(requiredDocuments(nothingFiledYet)).as("a draft with no facts yet").isEmpty();
    }

    private List<String> requiredDocuments(Map<String, Object> facts) {
        return engine.getDecisionService().evaluateDecisionByKey(REQUIRED_DOCUMENTS).variables(Variables.fromMap(facts))
                .evaluate().getResultList().stream().map(r -> r.get("document") + " because " + r.get("because")).toList();
    }

    /** A network platform with 3.2 million users' data listing in New York, nothing else remarkable. */
    private static Map<String, Object> largePlatformInNewYork() {
        Map<String, Object> facts = new java.util.HashMap<>();
        facts.put("ciio", false);
        facts.put("previouslyListedAbroadOn", null);
        facts.put("previouslyListedExchange", null);
        facts.put("venueRegion", "US");
        facts.put("networkPlatformOperator", true);
        facts.put("personalInfoUsers", 3_200_000L);
        facts.put("importantData", false);
        facts.put("piExportedNonSensitive", 150_000L);
        facts.put("piExportedSensitive", 0L);
        facts.put("industry", "SOFTWARE");
        facts.put("issuerType", "OFFSHORE");
        facts.put("domesticRevenuePct", 92.5);
        facts.put("domesticProfitPct", 88.0);
        facts.put("domesticAssetsPct", 75.0);
        facts.put("domesticNetAssetsPct", 70.0);
        facts.put("managementMostlyPrc", true);
        facts.put("mainPlaceOfBusiness", "CN");
        facts.put("declProhibitedByLaw", false);
        facts.put("declNationalSecurityThreat", false);
        facts.put("declRecentCriminalOffence", false);
        facts.put("declUnderInvestigation", false);
        facts.put("declOwnershipDispute", false);
        facts.put("stateAssetsSupervisor", null);
        facts.put("usesThirdPartyCloud", false);
        facts.put("earliestCloudContractEnd", null);
        return facts;
    }

    /** The output that says why: the result's name with "Reason" (the process variables of the same names). */
    static String reasonOf(String decisionKey) {
        return java.util.Arrays.stream(ScreeningDecision.values()).filter(d -> d.decisionKey().equals(decisionKey))
                .findFirst().orElseThrow().reasonVariable();
    }

    private static MessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages-screening", "messages", "messages-applications");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    // --- evaluation and cases ------------------------------------------------------------------

    private static Map<String, Object> evaluate(String decision, Map<String, Object> facts) {
        DmnDecisionResult result = dmnEngine.evaluateDecision(decisions.get(decision), Variables.fromMap(facts));
        assertThat(result).as("exactly one rule decides %s", decision).hasSize(1);
        return result.getSingleResult().getEntryMap();
    }

    private Map<String, Object> evaluateInProcessEngine(String decision, Map<String, Object> facts) {
        DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey(decision)
                .variables(Variables.fromMap(facts))
                .evaluate();
        assertThat(result).as("exactly one rule decides %s", decision).hasSize(1);
        return result.getSingleResult().getEntryMap();
    }

    private Map<String, DecisionTable> decisionTables() {
        return engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionRequirementsDefinitionKey(REQUIREMENTS_GRAPH).list().stream()
                .collect(Collectors.toMap(DecisionDefinition::getKey, definition -> {
                    DmnModelInstance model = engine.getRepositoryService().getDmnModelInstance(definition.getId());
                    Decision decision = model.getModelElementById(definition.getKey());
                    return (DecisionTable) decision.getExpression();
                }));
    }

    static Stream<Case> allCases() {
        return Stream.of(cybersecurityReview(), industryApproval(), piExport(), negativeList(), listingTypes(),
                stateCloud()).flatMap(Function.identity());
    }

    /** One row of a table test: the facts filed, the outputs expected, and what the reason must mention. */
    record Case(String decision, String title, Facts facts, Map<String, Object> expected, List<String> mentions) {

        Map<String, Object> verify(BiFunction<String, Map<String, Object>, Map<String, Object>> evaluator) {
            Map<String, Object> outputs = evaluator.apply(decision, facts);
            assertThat(outputs).as(toString()).containsAllEntriesOf(expected);
            String reason = (String) outputs.get(reasonOf(decision));
            assertThat(Reasons.keyed(reason)).as("reason has a message key, " + this + ": " + reason).isTrue();
            assertThat(Reasons.render(reason, MESSAGES, Locale.ENGLISH)).as("reason in English, " + this)
                    .doesNotContain("screening.", "{").contains(mentions);
            assertThat(Reasons.render(reason, MESSAGES, Locale.SIMPLIFIED_CHINESE)).as("reason in Chinese, " + this)
                    .doesNotContain("screening.", "{", "exchange.", "applications.");
            return outputs;
        }

        @Override
        public String toString() {
            return decision + ": " + title;
        }
    }

    /** Process variables as the application supplies them; null values allowed. */
    static final class Facts extends LinkedHashMap<String, Object> {

        Facts with(String name, Object value) {
            Facts copy = new Facts();
            copy.putAll(this);
            copy.put(name, value);
            return copy;
        }
    }

    static Facts facts(Object... namesAndValues) {
        Facts facts = new Facts();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            facts.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return facts;
    }

    private static Map<String, Object> outputs(Object... namesAndValues) {
        return facts(namesAndValues);
    }

    private static Facts platformOperator(String region, String exchange, Number users) {
        return facts(CIIO, false, PREVIOUSLY_LISTED_ABROAD_ON, null, PREVIOUSLY_LISTED_EXCHANGE, null,
                VENUE_REGION, region, VENUE_EXCHANGE, exchange,
                NETWORK_PLATFORM_OPERATOR, true, PERSONAL_INFO_USERS, users);
    }

    private static Facts exports(Number nonSensitive, Number sensitive) {
        return facts(CIIO, false, IMPORTANT_DATA, false,
                PI_EXPORTED_NON_SENSITIVE, nonSensitive, PI_EXPORTED_SENSITIVE, sensitive);
    }

    private static Facts declarations() {
        return facts(DECL_PROHIBITED_BY_LAW, false, DECL_NATIONAL_SECURITY_THREAT, false,
                DECL_RECENT_CRIMINAL_OFFENCE, false, DECL_UNDER_INVESTIGATION, false, DECL_OWNERSHIP_DISPUTE, false);
    }

    private static Facts offshore(Number revenue, Number profit, Number assets, Number netAssets,
                                  Boolean managementMostlyPrc, String mainPlaceOfBusiness) {
        return facts(ISSUER_TYPE, "OFFSHORE", DOMESTIC_REVENUE_PCT, revenue, DOMESTIC_PROFIT_PCT, profit,
                DOMESTIC_ASSETS_PCT, assets, DOMESTIC_NET_ASSETS_PCT, netAssets,
                MANAGEMENT_MOSTLY_PRC, managementMostlyPrc, MAIN_PLACE_OF_BUSINESS, mainPlaceOfBusiness);
    }

    private static Facts cloud(String supervisor, Boolean thirdPartyCloud, String earliestContractEnd) {
        return facts(STATE_ASSETS_SUPERVISOR, supervisor, USES_THIRD_PARTY_CLOUD, thirdPartyCloud,
                EARLIEST_CLOUD_CONTRACT_END, earliestContractEnd);
    }

    private static Case requirement(String title, Facts facts, String requirement, String... mentions) {
        return new Case(CYBERSECURITY, title, facts, outputs("cybersecurityReview", requirement), List.of(mentions));
    }

    private static Case approval(String title, String industry, String group, String name, String... mentions) {
        return new Case(INDUSTRY_APPROVAL, title, facts(INDUSTRY, industry),
                outputs("industryRegulatorGroup", group, "industryRegulatorName", name), List.of(mentions));
    }

    private static Case route(String title, Facts facts, String route, String... mentions) {
        return new Case(PI_EXPORT, title, facts, outputs("piExportRoute", route), List.of(mentions));
    }

    private static Case negative(String title, Facts facts, String result, String... mentions) {
        return new Case(NEGATIVE, title, facts, outputs("negativeList", result), List.of(mentions));
    }

    private static Case listingType(String title, Facts facts, String listingType, String... mentions) {
        return new Case(TYPE, title, facts, outputs("listingType", listingType), List.of(mentions));
    }

    private static Case migration(String title, Facts facts, boolean evidenceRequired, String deadline,
                                  String... mentions) {
        return new Case(STATE_CLOUD, title, facts,
                outputs("migrationEvidenceRequired", evidenceRequired, "migrationDeadline", deadline), List.of(mentions));
    }
}
