package cn.ola.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.ola.company.Companies;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ListingApplications;
import cn.ola.workflow.CaseWorkflow;

/**
 * A case of its own for a test: the demo company, a platform holding the personal information of
 * 3,200,000 people, listing on the NYSE — the cybersecurity review is mandatory. Tests on the shared
 * running system file one of these instead of looking for "the" demo case, which another test may
 * already have moved on.
 */
public final class LargePlatform {

    public static final UnifiedSocialCreditCode DEMO_COMPANY = UnifiedSocialCreditCode.parse("91110000MA01ABCD2Q");

    private LargePlatform() {
    }

    public static ApplicationFacts facts(String industry) {
        return new ApplicationFacts("INDIRECT", "OFFSHORE", "Example Data Holdings Ltd. (Cayman)", "NYSE", "US", "IPO",
                LocalDate.now().plusMonths(6), LocalDate.now().minusDays(1), true, false, false, 3_200_000L, 150_000L, 0L,
                true, true, industry, new BigDecimal("92.5"), new BigDecimal("88.0"), new BigDecimal("75.0"),
                new BigDecimal("70.0"), true, "CN", null, false, false, false, false, false, null, null);
    }

    /** Files and submits the case as the demo company's compliance officer; its application number. */
    public static String submit(Companies companies, ListingApplications applications, CaseWorkflow workflow, String industry) {
        long companyId = companies.findByCreditCode(DEMO_COMPANY).orElseThrow().id();
        return workflow.submit(applications.createDraft(companyId, facts(industry), List.of()), "compliance").toString();
    }
}
