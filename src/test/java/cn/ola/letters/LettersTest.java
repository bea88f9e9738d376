package cn.ola.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.ola.filing.ListingFacts;
import cn.ola.filing.Declarations;
import cn.ola.filing.DataFacts;
import cn.ola.filing.BusinessFacts;
import cn.ola.audit.AuditEvent;
import cn.ola.audit.AuditEventType;
import cn.ola.audit.AuditTrail;
import cn.ola.company.Companies;
import cn.ola.company.Company;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.DocumentStore;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications;
import cn.ola.filing.StoredDocument;

/**
 * What each letter says about the decision it carries: who decided, what and why, read back from
 * the PDF that goes into the document store; and that a letter without a decision on record is
 * refused rather than issued blank.
 */
class LettersTest {

    private static final ApplicationNumber NUMBER = ApplicationNumber.parse("OLA-2026-000077");
    private static final long APPLICATION_ID = 77;
    /** 01:00 on Thursday 5 March 2026 in Beijing, while it is still the 4th in UTC: a letter is dated in Beijing. */
    private static final Instant NOW = Instant.parse("2026-03-04T17:00:00Z");

    private final ListingApplications applications = mock(ListingApplications.class);
    private final Companies companies = mock(Companies.class);
    private final DocumentStore documents = mock(DocumentStore.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private final List<AuditEvent> trail = new ArrayList<>();
    private Letters letters;

    @BeforeEach
    void setUp() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages-letters", "messages", "messages-applications");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        letters = new Letters(applications, companies, documents, audit, new LetterRenderer(), messages,
                mock(IdentityService.class), Clock.fixed(NOW, ZoneOffset.UTC));

        var facts = ApplicationFacts.NONE
                .with(ListingFacts.LISTING_TYPE, "INDIRECT")
                .with(ListingFacts.ISSUER_TYPE, "OFFSHORE")
                .with(ListingFacts.OFFSHORE_ISSUER, "Example Data Holdings Ltd. (Cayman Islands)")
                .with(ListingFacts.VENUE_EXCHANGE, "NASDAQ")
                .with(ListingFacts.VENUE_REGION, "US")
                .with(ListingFacts.OFFERING_TYPE, "IPO")
                .with(ListingFacts.PLANNED_LISTING_DATE, LocalDate.of(2026, 9, 1))
                .with(ListingFacts.OVERSEAS_SUBMISSION_DATE, LocalDate.of(2026, 3, 2))
                .with(DataFacts.NETWORK_PLATFORM_OPERATOR, true)
                .with(DataFacts.CIIO, false)
                .with(DataFacts.IMPORTANT_DATA, false)
                .with(DataFacts.PERSONAL_INFO_USERS, 800_000L)
                .with(DataFacts.PI_EXPORTED_NON_SENSITIVE, 5_000L)
                .with(DataFacts.PI_EXPORTED_SENSITIVE, 0L)
                .with(DataFacts.CONSENT_OBTAINED, true)
                .with(DataFacts.SENSITIVE_DATA_MINIMISED, true)
                .with(BusinessFacts.INDUSTRY, "TOBACCO")
                .with(BusinessFacts.DOMESTIC_REVENUE_PCT, new BigDecimal("92.5"))
                .with(BusinessFacts.MANAGEMENT_MOSTLY_PRC, true)
                .with(BusinessFacts.MAIN_PLACE_OF_BUSINESS, "CN")
                .with(Declarations.PROHIBITED_BY_LAW, false)
                .with(Declarations.NATIONAL_SECURITY_THREAT, false)
                .with(Declarations.RECENT_CRIMINAL_OFFENCE, false)
                .with(Declarations.UNDER_INVESTIGATION, false)
                .with(Declarations.OWNERSHIP_DISPUTE, false);
        when(applications.find(NUMBER)).thenReturn(Optional.of(new ListingApplication(APPLICATION_ID, 5, NUMBER, "IN_REVIEW",
                java.util.List.of("REGULATORY_CHECKS"), false, NOW, null, NOW, 3, facts)));
        when(companies.findById(5)).thenReturn(Optional.of(new Company(5, UnifiedSocialCreditCode.parse("91110000MA01ABCD2Q"),
                "示例数据科技股份有限公司", "Example Data Technology Co., Ltd.", "李华", "compliance@example-data.cn", "+86 10",
                "company-91110000MA01ABCD2Q", NOW)));
        when(audit.of(APPLICATION_ID)).thenReturn(trail);
        when(documents.storeReplacing(anyLong(), anyString(), anyString(), anyString(), any(byte[].class), anyString()))
                .thenAnswer(call -> new StoredDocument(501, call.getArgument(0), call.getArgument(1), call.getArgument(2),
                        call.getArgument(3), ((byte[]) call.getArgument(4)).length, "0".repeat(64), "key", call.getArgument(5),
                        NOW, null));
    }

    @Test
    void theFilingNoticeCarriesTheListingAsFiledAndTheDateInBeijing() throws IOException {
        StoredDocument notice = letters.issueFilingNotice(NUMBER);

        assertThat(notice.kind()).isEqualTo("FILING_NOTICE");
        assertThat(notice.originalFilename()).isEqualTo("OLA-2026-000077-filing-notice.pdf");
        assertThat(storedText()).contains("OLA-2026-000077", "示例数据科技股份有限公司", "2026年3月5日", "5 March 2026",
                "中国证券监督管理委员会", "China Securities Regulatory Commission", "Example Data Holdings Ltd. (Cayman Islands)",
                "纳斯达克证券交易所（美国）", "Nasdaq Stock Market (United States)", "首次公开发行", "Initial public offering", "间接境外发行上市");
        verify(audit).record(eq(APPLICATION_ID), eq("system"), eq(AuditEventType.LETTER_ISSUED), eq("CSRC_FILING"),
                eq("FILING_NOTICE"), startsWith("Document 501: OLA-2026-000077-filing-notice.pdf"), eq(501L));
    }

    @Test
    void anIndustryRefusalIsSignedByTheRegulatorWithTheReasonsOnRecord() throws IOException {
        trail.add(outcome("CSRC_COMPLETENESS_CHECK", "COMPLETE", null));
        trail.add(outcome("INDUSTRY_APPROVAL", "REFUSED", "烟草专卖品生产企业不得由境外投资者控制。"));

        letters.issueRefusal(NUMBER, "industry-regulator-tobacco", "State Tobacco Monopoly Administration");

        assertThat(storedText()).contains("国家烟草专卖局", "State Tobacco Monopoly Administration", "决定不予通过",
                "烟草专卖品生产企业不得由境外投资者控制。").doesNotContain("中国证券监督管理委员会");
        verify(audit).record(eq(APPLICATION_ID), eq("system"), eq(AuditEventType.LETTER_ISSUED), eq("INDUSTRY_APPROVAL"),
                eq("REFUSAL_LETTER"), anyString(), eq(501L));
    }

    @Test
    void aRegulatorWeHaveNoChineseNameForIsNamedAsTheScreeningNamesIt() throws IOException {
        trail.add(outcome("INDUSTRY_APPROVAL", "REFUSED", "Not approved."));

        letters.issueRefusal(NUMBER, "industry-regulator-salt", "China National Salt Industry Group");

        assertThat(storedText()).contains("China National Salt Industry Group", "Not approved.");
    }

    @Test
    void aReviewProhibitionIsRefusedInTheNameOfTheReviewOfficeWithoutItsInternalNotes() throws IOException {
        trail.add(outcome("CYBERSECURITY_REVIEW_SPECIAL", "PROHIBITED", "Core data would leave the country."));
        trail.add(outcome("CYBERSECURITY_REVIEW", "PROHIBITED", "Core data would leave the country."));

        letters.issueRefusal(NUMBER, null, null);

        assertThat(storedText()).contains("网络安全审查办公室", "Cybersecurity Review Office", "决定不予通过")
                .doesNotContain("Core data would leave the country.");
        verify(audit).record(eq(APPLICATION_ID), eq("system"), eq(AuditEventType.LETTER_ISSUED), eq("CYBERSECURITY_REVIEW"),
                eq("REFUSAL_LETTER"), anyString(), eq(501L));
    }

    @Test
    void anApprovalOnRecordIsNotTakenForTheRefusal() throws IOException {
        trail.add(outcome("INDUSTRY_APPROVAL", "APPROVED", null));
        trail.add(outcome("CSRC_FILING", "REFUSED", "Art. 8 (3): criminal offence within three years."));

        letters.issueRefusal(NUMBER, "industry-regulator-tobacco", "State Tobacco Monopoly Administration");

        assertThat(storedText()).contains("中国证券监督管理委员会", "Art. 8 (3): criminal offence within three years.")
                .doesNotContain("国家烟草专卖局");
    }

    @Test
    void aRefusalLetterWithoutARefusalOnRecordIsNotIssued() {
        trail.add(outcome("INTAKE_CHECK", "COMPLETE", null));

        assertThatThrownBy(() -> letters.issueRefusal(NUMBER, null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No refusal of application OLA-2026-000077");
        verify(documents, never()).storeReplacing(anyLong(), anyString(), anyString(), anyString(), any(byte[].class), anyString());
    }

    @Test
    void theReviewConclusionStatesClearedWithoutTheOfficesInternalReasons() throws IOException {
        letters.issueReviewConclusion(NUMBER, ReviewConclusion.CLEARED, "初步审查未发现影响国家安全的风险，征求发改委、工信部意见");

        assertThat(storedText()).contains("网络安全审查结论通知书", "该上市事项不影响国家安全，审查通过", "网络安全审查办公室")
                .doesNotContain("征求发改委", "初步审查未发现");
    }

    @Test
    void aSecondOfferingsLetterIsKeptBesideTheFirstUnderANumberedNameWhileAFilingNoticeReplacesItsPredecessor() {
        StoredDocument first = new StoredDocument(400, APPLICATION_ID, "SUBSEQUENT_OFFERING_CONCLUSION",
                "OLA-2026-000077-subsequent-offering-conclusion.pdf", "application/pdf", 10, "0".repeat(64), "k", "system", NOW,
                null);
        StoredDocument notice = new StoredDocument(300, APPLICATION_ID, "FILING_NOTICE", "OLA-2026-000077-filing-notice.pdf",
                "application/pdf", 10, "0".repeat(64), "k", "system", NOW, null);
        when(documents.of(APPLICATION_ID)).thenReturn(List.of(notice, first));
        when(documents.store(anyLong(), anyString(), anyString(), anyString(), any(byte[].class), anyString()))
                .thenAnswer(call -> new StoredDocument(502, call.getArgument(0), call.getArgument(1), call.getArgument(2),
                        call.getArgument(3), ((byte[]) call.getArgument(4)).length, "0".repeat(64), "key", call.getArgument(5),
                        NOW, null));

        StoredDocument second = letters.issueOfferingConclusion(NUMBER, OfferingConclusion.FILED, "The offering is filed.",
                "Follow-on offering of 10,000,000 ADSs.");

        assertThat(second.originalFilename()).isEqualTo("OLA-2026-000077-subsequent-offering-conclusion-2.pdf");
        verify(documents, never()).storeReplacing(anyLong(), eq("SUBSEQUENT_OFFERING_CONCLUSION"), anyString(), anyString(),
                any(byte[].class), anyString());
        letters.issueFilingNotice(NUMBER);
        verify(documents).storeReplacing(eq(APPLICATION_ID), eq("FILING_NOTICE"), eq("OLA-2026-000077-filing-notice.pdf"),
                anyString(), any(byte[].class), anyString());
    }

    private String storedText() throws IOException {
        ArgumentCaptor<byte[]> pdf = ArgumentCaptor.forClass(byte[].class);
        verify(documents).storeReplacing(eq(APPLICATION_ID), anyString(), anyString(), eq("application/pdf"), pdf.capture(),
                eq("system"));
        return LetterRendererTest.text(pdf.getValue());
    }

    private static AuditEvent outcome(String stage, String outcome, String details) {
        return new AuditEvent(NOW, "someone", "OUTCOME", stage, outcome, details);
    }
}
