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
    void venuesAreOverseasRegionsAreIsoCodesAndIndustriesComeFromTheOneList() {
        assertThat(problems(facts("CN", "CN", "INTERNET"))).containsExactly(tuple("venueRegion", Problem.NOT_OVERSEAS));
        assertThat(problems(facts("UK", "XX", "tobacco"))).containsExactlyInAnyOrder(
                tuple("venueRegion", Problem.UNKNOWN_VALUE), tuple("mainPlaceOfBusiness", Problem.UNKNOWN_VALUE),
                tuple("industry", Problem.UNKNOWN_VALUE));
        assertThat(problems(facts("HK", "CN", "TOBACCO"))).isEmpty();
        assertThat(problems(facts("MO", "HK", "OTHER"))).isEmpty();
        assertThat(problems(facts("GB", "GB", "SOFTWARE"))).isEmpty();
    }

    @Test
    void theExchangeIsACodeOfTheListInTheVenueRegionAndAnotherExchangeIsNamed() {
        assertThat(problems(venue("NYSE", null, "US"))).isEmpty();
        assertThat(problems(venue("nyse", null, "US"))).containsExactly(tuple("venueExchange", Problem.UNKNOWN_VALUE));
        assertThat(problems(venue("New York Stock Exchange", null, "US")))
                .containsExactly(tuple("venueExchange", Problem.UNKNOWN_VALUE));
        assertThat(problems(venue("HKEX", null, "US"))).containsExactly(tuple("venueExchange", Problem.NOT_IN_REGION));
        assertThat(problems(venue("FWB", null, "DE"))).isEmpty();
        assertThat(problems(venue("OTHER", "Euronext Brussels", "BE"))).isEmpty();
        assertThat(problems(venue("OTHER", "x".repeat(ApplicationRules.MAX_EXCHANGE_NAME + 1), "BE")))
                .containsExactly(tuple("venueExchangeName", Problem.TOO_LONG));
        assertThat(problems(venue("LSE", null, null))).as("region not chosen yet").isEmpty();

        assertThat(ApplicationRules.missing(venue("OTHER", null, "BE"))).extracting(FieldProblem::field)
                .containsExactly("venueExchangeName");
        assertThat(ApplicationRules.missing(venue("OTHER", " ", "BE"))).extracting(FieldProblem::field)
                .containsExactly("venueExchangeName");
        assertThat(ApplicationRules.missing(venue("OTHER", "Euronext Brussels", "BE"))).isEmpty();
        assertThat(ApplicationRules.missing(venue("NYSE", null, "US"))).isEmpty();
    }

    @Test
    void anEarlierListingNamesItsMarketFromTheSameList() {
        var listedBefore = complete().previouslyListed(LocalDate.of(2020, 6, 30), null);
        assertThat(ApplicationRules.missing(listedBefore)).extracting(FieldProblem::field)
                .containsExactly("previouslyListedExchange");
        assertThat(ApplicationRules.missing(listedBefore.previouslyListed(LocalDate.of(2020, 6, 30), "NYSE"))).isEmpty();
        assertThat(problems(listedBefore.previouslyListed(LocalDate.of(2020, 6, 30), "Wall Street")))
                .containsExactly(tuple("previouslyListedExchange", Problem.UNKNOWN_VALUE));
        assertThat(ApplicationRules.missing(complete())).as("never listed: no market asked").isEmpty();
    }

    private static ApplicationFacts venue(String exchange, String name, String region) {
        ApplicationFacts c = complete();
        return new ApplicationFacts(c.listingType(), c.issuerType(), c.offshoreIssuer(), exchange, name, region,
                c.offeringType(), c.plannedListingDate(), null, true, false, false, 3_200_000L, 150_000L, 0L, true, true,
                "INTERNET", new BigDecimal("92.5"), new BigDecimal("88"), new BigDecimal("75"), new BigDecimal("70"), true,
                "CN", null, null, false, false, false, false, false, null, null);
    }

    @Test
    void everyIndustryTheDecisionsNameIsOnTheList() throws java.io.IOException {
        String decisions = java.nio.file.Files.readString(java.nio.file.Path.of("bpmn/listing-screening.dmn"));
        var named = java.util.regex.Pattern.compile("<inputEntry id=\"InputEntry_Industry_[^\"]*\"><text>\"([A-Z_]+)\"</text>")
                .matcher(decisions).results().map(match -> match.group(1)).toList();
        assertThat(named).contains("TOBACCO", "BANKING", "INSURANCE");
        assertThat(ApplicationRules.INDUSTRIES).containsAll(named);
    }

    private static List<org.assertj.core.groups.Tuple> problems(ApplicationFacts facts) {
        return ApplicationRules.malformed(facts, List.of()).stream().map(p -> tuple(p.field(), p.problem())).toList();
    }

    private static ApplicationFacts facts(String venueRegion, String mainPlaceOfBusiness, String industry) {
        String exchange = ApplicationRules.EXCHANGES.entrySet().stream().filter(e -> e.getValue().equals(venueRegion))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(ApplicationRules.OTHER_EXCHANGE);
        return new ApplicationFacts("INDIRECT", "OFFSHORE", "Example Holdings Ltd.", exchange, venueRegion, "IPO",
                LocalDate.of(2027, 6, 1), null, true, false, false, 3_200_000L, 150_000L, 0L, true, true, industry,
                new BigDecimal("92.5"), new BigDecimal("88"), new BigDecimal("75"), new BigDecimal("70"), true,
                mainPlaceOfBusiness, null, false, false, false, false, false, null, null);
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
