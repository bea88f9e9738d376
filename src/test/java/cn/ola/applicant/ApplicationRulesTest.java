package cn.ola.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.ola.applicant.InvalidApplicationException.FieldProblem;
import cn.ola.applicant.InvalidApplicationException.Problem;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ListingApplications.CloudContract;

class ApplicationRulesTest {

    static ApplicationFacts complete() {
        return new ApplicationFacts("INDIRECT", "OFFSHORE", "Example Holdings Ltd.", "NYSE", "US", "IPO",
                LocalDate.of(2027, 6, 1), null, true, false, false, 3_200_000L, 150_000L, 0L, true, true, "INTERNET",
                new BigDecimal("92.5"), new BigDecimal("88"), new BigDecimal("75"), new BigDecimal("70"), true, "CN",
                null, false, false, false, false, false, null, null);
    }

    static ApplicationFacts empty() {
        return new ApplicationFacts(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aCompleteApplicationHasNoProblems() {
        assertThat(ApplicationRules.malformed(complete(), List.of())).isEmpty();
        assertThat(ApplicationRules.missing(complete())).isEmpty();
    }

    @Test
    void anEmptyDraftIsWellFormedButMissesEveryRequiredFieldAndDeclaration() {
        assertThat(ApplicationRules.malformed(empty(), List.of())).isEmpty();
        assertThat(ApplicationRules.missing(empty())).extracting(FieldProblem::field)
                .contains("listingType", "personalInfoUsers", "declProhibitedByLaw", "declNationalSecurityThreat",
                        "declRecentCriminalOffence", "declUnderInvestigation", "declOwnershipDispute")
                .doesNotContain("stateCloudMigrationStatus", "overseasSubmissionDate", "previouslyListedAbroadOn");
    }

    @Test
    void negativeCountsAndPercentagesOutsideZeroToHundredAreNamedByField() {
        var facts = new ApplicationFacts("DIRECT", "PRC_JOINT_STOCK", "A", "HKEX", "HK", "IPO", null, null, true, false,
                false, -1L, 0L, -5L, true, true, "INTERNET", new BigDecimal("100.01"), new BigDecimal("-0.5"),
                new BigDecimal("100"), new BigDecimal("0"), true, "CN", null, false, false, false, false, false, null, null);
        assertThat(ApplicationRules.malformed(facts, List.of()))
                .extracting(FieldProblem::field, FieldProblem::problem)
                .containsExactlyInAnyOrder(tuple("personalInfoUsers", Problem.NEGATIVE),
                        tuple("piExportedSensitive", Problem.NEGATIVE),
                        tuple("domesticRevenuePct", Problem.OUT_OF_RANGE),
                        tuple("domesticProfitPct", Problem.NEGATIVE));
    }

    @Test
    void unknownCodesAndOverlongTextsAreRefused() {
        var facts = new ApplicationFacts("SIDEWAYS", "OFFSHORE", "x".repeat(201), "NYSE", "usa", "IPO", null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, "mainland", null,
                null, null, null, null, null, null, "DONE");
        assertThat(ApplicationRules.malformed(facts, List.of()))
                .extracting(FieldProblem::field, FieldProblem::problem)
                .containsExactlyInAnyOrder(tuple("listingType", Problem.UNKNOWN_VALUE),
                        tuple("offshoreIssuer", Problem.TOO_LONG), tuple("venueRegion", Problem.UNKNOWN_VALUE),
                        tuple("mainPlaceOfBusiness", Problem.UNKNOWN_VALUE),
                        tuple("stateCloudMigrationStatus", Problem.UNKNOWN_VALUE));
    }

    @Test
    void aCompanyUnderAStateAssetsSupervisorMustStateItsMigrationAndEachContractNeedsProviderAndEnd() {
        var supervised = new ApplicationFacts("DIRECT", "PRC_JOINT_STOCK", "A", "HKEX", "HK", "IPO", null, null, true,
                false, false, 10L, 0L, 0L, true, true, "INTERNET", BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                BigDecimal.TEN, true, "CN", null, false, false, false, false, false, "SASAC", null);
        assertThat(ApplicationRules.missing(supervised)).extracting(FieldProblem::field)
                .contains("stateCloudMigrationStatus");
        assertThat(ApplicationRules.malformed(supervised, List.of(new CloudContract(" ", null))))
                .extracting(FieldProblem::field)
                .containsExactly("cloudContracts[0].provider", "cloudContracts[0].endDate");
    }
}
