package cn.ola.support;

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
        return PlatformFacts.platform().industry(industry).build();
    }

    /** Files and submits the case as the demo company's compliance officer; its application number. */
    public static String submit(Companies companies, ListingApplications applications, CaseWorkflow workflow, String industry) {
        long companyId = companies.findByCreditCode(DEMO_COMPANY).orElseThrow().id();
        return workflow.submit(applications.createDraft(companyId, facts(industry), List.of()), "compliance").toString();
    }
}
