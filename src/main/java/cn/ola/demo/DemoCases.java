package cn.ola.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.ola.company.Companies;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.BusinessFacts;
import cn.ola.filing.DataFacts;
import cn.ola.filing.Declarations;
import cn.ola.filing.ListingFacts;
import cn.ola.filing.ListingApplications;
import cn.ola.ops.StartupLock;
import cn.ola.workflow.CaseWorkflow;

/**
 * Development only: on a first start, two submitted cases of the demo company, so that each
 * demo user finds work in Tasklist at once — a mid-sized platform listing in New York that goes
 * straight to the filing, and a large one that needs the cybersecurity review.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "ola.demo.enabled", havingValue = "true")
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    static final UnifiedSocialCreditCode DEMO_COMPANY = UnifiedSocialCreditCode.parse("91110000MA01ABCD2Q");

    private final Companies companies;
    private final ListingApplications applications;
    private final CaseWorkflow workflow;
    private final StartupLock startupLock;

    DemoCases(Companies companies, ListingApplications applications, CaseWorkflow workflow, StartupLock startupLock) {
        this.startupLock = startupLock;
        this.companies = companies;
        this.applications = applications;
        this.workflow = workflow;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.inTurn(this::fileDemoCases);
    }

    private void fileDemoCases() {
        if (applications.any()) {
            return;
        }
        long company = companies.findByCreditCode(DEMO_COMPANY).orElseThrow().id();
        var small = workflow.submit(applications.createDraft(company, facts(800_000L, 5_000L, "SOFTWARE"), List.of()), "compliance");
        var large = workflow.submit(applications.createDraft(company, facts(3_200_000L, 150_000L, "E_COMMERCE"), List.of()),
                "compliance");
        log.info("Demo cases {} (straight to filing) and {} (cybersecurity review) are waiting for the CSRC intake check",
                small, large);
    }

    private static ApplicationFacts facts(long users, long exported, String industry) {
        LocalDate today = LocalDate.now();
        return ApplicationFacts.NONE.with(ListingFacts.LISTING_TYPE, "INDIRECT").with(ListingFacts.ISSUER_TYPE, "OFFSHORE")
                .with(ListingFacts.OFFSHORE_ISSUER, "Example Data Holdings Ltd. (Cayman Islands)")
                .with(ListingFacts.VENUE_EXCHANGE, "NYSE").with(ListingFacts.VENUE_REGION, "US")
                .with(ListingFacts.OFFERING_TYPE, "IPO").with(ListingFacts.PLANNED_LISTING_DATE, today.plusMonths(6))
                .with(ListingFacts.OVERSEAS_SUBMISSION_DATE, today.minusDays(1))
                .with(DataFacts.NETWORK_PLATFORM_OPERATOR, true).with(DataFacts.CIIO, false)
                .with(DataFacts.IMPORTANT_DATA, false).with(DataFacts.PERSONAL_INFO_USERS, users)
                .with(DataFacts.PI_EXPORTED_NON_SENSITIVE, exported).with(DataFacts.PI_EXPORTED_SENSITIVE, 0L)
                .with(DataFacts.CONSENT_OBTAINED, true).with(DataFacts.SENSITIVE_DATA_MINIMISED, true)
                .with(BusinessFacts.INDUSTRY, industry).with(BusinessFacts.DOMESTIC_REVENUE_PCT, new BigDecimal("92.5"))
                .with(BusinessFacts.DOMESTIC_PROFIT_PCT, new BigDecimal("88.0"))
                .with(BusinessFacts.DOMESTIC_ASSETS_PCT, new BigDecimal("75.0"))
                .with(BusinessFacts.DOMESTIC_NET_ASSETS_PCT, new BigDecimal("70.0"))
                .with(BusinessFacts.MANAGEMENT_MOSTLY_PRC, true).with(BusinessFacts.MAIN_PLACE_OF_BUSINESS, "CN")
                .with(Declarations.PROHIBITED_BY_LAW, false).with(Declarations.NATIONAL_SECURITY_THREAT, false)
                .with(Declarations.RECENT_CRIMINAL_OFFENCE, false).with(Declarations.UNDER_INVESTIGATION, false)
                .with(Declarations.OWNERSHIP_DISPUTE, false);
    }
}
