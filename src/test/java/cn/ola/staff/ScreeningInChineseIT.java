package cn.ola.staff;

import static cn.ola.staff.StaffTestCases.section;
import static cn.ola.staff.StaffTestCases.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.ola.filing.StateAssets;
import cn.ola.filing.ListingFacts;
import cn.ola.filing.Declarations;
import cn.ola.filing.DataFacts;
import cn.ola.filing.BusinessFacts;
import cn.ola.company.Companies;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplications;
import cn.ola.filing.ListingApplications.CloudContract;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.ProcessVariables;

/**
 * The Chinese pages of cases screened to each outcome of every screening decision: the company's
 * case page (its screening, the steps open with the regulators and its history) and the staff case
 * view (the whole screening trace and the timeline) read in Chinese. English left in a reason or a
 * label (two English words in a row), a code (NYSE, STANDARD_CONTRACT, US), a boolean, a message key
 * or a placeholder fails the test; abbreviations an officer reads as words (CSRC, IPO) may stay.
 */
@DevSystemTest
class ScreeningInChineseIT {

    /** Two English words in a row: what an English reason, or a name left in English, reads like. */
    static final Pattern ENGLISH = Pattern.compile("\\b[A-Za-z]{2,}\\.?\\s+[A-Za-z]{2,}\\b");
    /**
     * A code as the models hold it: NYSE, HKEX, US, STANDARD_CONTRACT, industry-regulator-nfra, a rule's or
     * a variable's name (Rule_Cyber_Ciio, intakeOutcome); not an abbreviation that is a word to an officer.
     */
    static final Pattern CODE = Pattern.compile("\\b[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)+\\b"
            + "|\\b(?!(?:CSRC|IPO|NDRC|MIIT|PRC|CIIO|PI|PIPL|CAC|NFRA|WD)\\b)[A-Z]{2,}\\b"
            + "|\\b[a-z]+(-[a-z]+){2,}\\b|\\b[a-z]+[A-Z][A-Za-z]*\\b");
    static final Pattern BOOLEAN = Pattern.compile("\\b(true|false)\\b");
    static final Pattern KEY_OR_PLACEHOLDER = Pattern.compile(
            "(screening|exchange|applications|cases|staff|letters)\\.[a-z]|\\?\\?|\\{\\d\\}|\\|");

    @LocalServerPort
    int port;
    @Autowired
    Companies companies;
    @Autowired
    ListingApplications applications;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @Test
    void everyScreeningOutcomeReadsInChineseOnTheCompanysAndTheStaffsPages() {
        StaffTestCases cases = new StaffTestCases(companies, applications, workflow, tasks, identity);
        LocalDate today = LocalDate.now();
        List<ApplicationNumber> numbers = List.of(
                // Art. 7 abroad, standard contract, indirect (managers and place), industry not listed, no supervisor.
                cases.submit(cases.demoCompany(), StaffTestCases.largePlatformOnNyse(3_200_000L), List.of()),
                // Hong Kong, sensitive data of many, direct, tobacco, Art. 8(1), supervised without cloud.
                cases.submit(cases.demoCompany(), facts("DIRECT", "PRC_JOINT_STOCK", "HKEX", null, "HK", true, false, false,
                        2_000_000L, 0L, 20_000L, "TOBACCO", null, null, true, "CN", true, "国务院国资委"), List.of()),
                // Another exchange named by the company, few users, many non-sensitive, joint-stock, banking,
                // supervised with a contract ending early.
                cases.submit(cases.demoCompany(), facts("DIRECT", "PRC_JOINT_STOCK", "OTHER", "马德里证券交易所", "ES", true,
                        false, false, 999_999L, 1_500_000L, 0L, "BANKING", null, null, null, null, false, "北京市国资委"),
                        List.of(new CloudContract("某云", LocalDate.of(2022, 3, 15)))),
                // CIIO, insurance, offshore but managed abroad, supervised with a contract ending after the deadline.
                cases.submit(cases.demoCompany(), facts("INDIRECT", "OFFSHORE", "NASDAQ", null, "US", false, true, false,
                        null, 10L, 0L, "INSURANCE", new BigDecimal("90"), new BigDecimal("80"), false, "SG", false,
                        "上海市国资委"), List.of(new CloudContract("某云", today.plusYears(2)))),
                // Users not given, important data, small domestic share, no industry.
                cases.submit(cases.demoCompany(), facts("INDIRECT", "OFFSHORE", "LSE", null, "GB", true, false, true,
                        null, 0L, 0L, null, new BigDecimal("40"), new BigDecimal("12.5"), true, "CN", false, null),
                        List.of()),
                // Below every threshold, profit share only, place of business only.
                cases.submit(cases.demoCompany(), facts("INDIRECT", "OFFSHORE", "SGX", null, "SG", true, false, false,
                        1_000_000L, 99_999L, 0L, "SOFTWARE", new BigDecimal("30"), new BigDecimal("75.5"), false, "CN",
                        false, null), List.of()));
        // One case further on: its intake check completed, so that the timelines show a task's decision.
        cases.completeAs("csrc", "csrc-officer", numbers.get(0), "Task_IntakeCheck",
                Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE", ProcessVariables.REASONS, "材料齐全，予以受理。"));

        SoftAssertions softly = new SoftAssertions();
        Browserless company = signedIn("compliance");
        Browserless staff = signedIn("csrc");
        for (ApplicationNumber number : numbers) {
            String companyPage = company.get("/applications/" + number).body();
            String screening = text(section(companyPage, "screening"));
            assertThat(screening).as("the company's screening of %s", number).contains("网络安全审查");
            List<String> read = new ArrayList<>(List.of(screening));
            read.addAll(matches(companyPage, "<tr class=\"event event-[A-Z_]+\">(.*?)</tr>"));
            read.add(text(section(companyPage, "open-steps")));

            String staffPage = staff.get("/staff/applications/" + number).body();
            List<String> reasons = matches(staffPage, "<p class=\"reason\"[^>]*>(.*?)</p>");
            assertThat(reasons).as("the staff's reasons for %s", number).hasSize(6);
            read.addAll(reasons);
            read.addAll(matches(staffPage, "<span class=\"badge result\"[^>]*>(.*?)</span>"));
            read.addAll(matches(section(staffPage, "screening"), "<(?:h3|p|th|td)[^>]*>(.*?)</(?:h3|p|th|td)>"));
            assertThat(StaffTestCases.rows(staffPage, "timeline")).as("the staff's timeline of %s", number).hasSizeGreaterThan(8);
            // A timeline's cell may be empty (no outcome, no details).
            matches(section(staffPage, "timeline"), "<t[dh][^>]*>(.*?)</t[dh]>").stream().filter(cell -> !cell.isBlank())
                    .forEach(read::add);

            for (String shown : read) {
                softly.assertThat(shown).as("%s as the Chinese pages show it", number).isNotBlank()
                        .doesNotContainPattern(ENGLISH).doesNotContainPattern(CODE).doesNotContainPattern(BOOLEAN)
                        .doesNotContainPattern(KEY_OR_PLACEHOLDER);
            }
        }
        // Every text that is not Chinese yet, not only the first.
        softly.assertAll();
    }

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless(port, "Accept-Language", "zh-CN,zh;q=0.9");
        browser.login(user, "demo");
        return browser;
    }

    private static List<String> matches(String html, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(text(matcher.group(1)));
        }
        return found;
    }

    private static ApplicationFacts facts(String listingType, String issuerType, String exchange, String exchangeName,
            String region, Boolean platformOperator, Boolean ciio, Boolean importantData, Long users, Long nonSensitive,
            Long sensitive, String industry, BigDecimal revenuePct, BigDecimal profitPct, Boolean managementMostlyPrc,
            String placeOfBusiness, Boolean prohibitedByLaw, String supervisor) {
        return ApplicationFacts.NONE
                .with(ListingFacts.LISTING_TYPE, listingType)
                .with(ListingFacts.ISSUER_TYPE, issuerType)
                .with(ListingFacts.OFFSHORE_ISSUER, "示例控股有限公司")
                .with(ListingFacts.VENUE_EXCHANGE, exchange)
                .with(ListingFacts.VENUE_EXCHANGE_NAME, exchangeName)
                .with(ListingFacts.VENUE_REGION, region)
                .with(ListingFacts.OFFERING_TYPE, "IPO")
                .with(ListingFacts.PLANNED_LISTING_DATE, LocalDate.now().plusMonths(6))
                .with(ListingFacts.OVERSEAS_SUBMISSION_DATE, LocalDate.now().minusDays(1))
                .with(DataFacts.NETWORK_PLATFORM_OPERATOR, platformOperator)
                .with(DataFacts.CIIO, ciio)
                .with(DataFacts.IMPORTANT_DATA, importantData)
                .with(DataFacts.PERSONAL_INFO_USERS, users)
                .with(DataFacts.PI_EXPORTED_NON_SENSITIVE, nonSensitive)
                .with(DataFacts.PI_EXPORTED_SENSITIVE, sensitive)
                .with(DataFacts.CONSENT_OBTAINED, true)
                .with(DataFacts.SENSITIVE_DATA_MINIMISED, true)
                .with(BusinessFacts.INDUSTRY, industry)
                .with(BusinessFacts.DOMESTIC_REVENUE_PCT, revenuePct)
                .with(BusinessFacts.DOMESTIC_PROFIT_PCT, profitPct)
                .with(BusinessFacts.MANAGEMENT_MOSTLY_PRC, managementMostlyPrc)
                .with(BusinessFacts.MAIN_PLACE_OF_BUSINESS, placeOfBusiness)
                .with(Declarations.PROHIBITED_BY_LAW, prohibitedByLaw)
                .with(Declarations.NATIONAL_SECURITY_THREAT, false)
                .with(Declarations.RECENT_CRIMINAL_OFFENCE, false)
                .with(Declarations.UNDER_INVESTIGATION, false)
                .with(Declarations.OWNERSHIP_DISPUTE, false)
                .with(StateAssets.STATE_ASSETS_SUPERVISOR, supervisor)
                .with(StateAssets.STATE_CLOUD_MIGRATION_STATUS, supervisor == null ? null : "IN_PROGRESS");
    }
}
