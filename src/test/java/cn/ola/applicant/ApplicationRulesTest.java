package cn.ola.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.ola.filing.StateAssets;
import cn.ola.filing.ListingFacts;
import cn.ola.filing.Declarations;
import cn.ola.filing.DataFacts;
import cn.ola.filing.BusinessFacts;
import cn.ola.applicant.InvalidApplicationException.FieldProblem;
import cn.ola.applicant.InvalidApplicationException.Problem;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ListingApplications.CloudContract;

class ApplicationRulesTest {

    static ApplicationFacts complete() {
        return ApplicationFacts.NONE
                .with(ListingFacts.LISTING_TYPE, "INDIRECT")
                .with(ListingFacts.ISSUER_TYPE, "OFFSHORE")
                .with(ListingFacts.OFFSHORE_ISSUER, "Example Holdings Ltd.")
                .with(ListingFacts.VENUE_EXCHANGE, "NYSE")
                .with(ListingFacts.VENUE_REGION, "US")
                .with(ListingFacts.OFFERING_TYPE, "IPO")
                .with(ListingFacts.PLANNED_LISTING_DATE, LocalDate.of(2027, 6, 1))
                .with(DataFacts.NETWORK_PLATFORM_OPERATOR, true)
                .with(DataFacts.CIIO, false)
                .with(DataFacts.IMPORTANT_DATA, false)
                .with(DataFacts.PERSONAL_INFO_USERS, 3_200_000L)
                .with(DataFacts.PI_EXPORTED_NON_SENSITIVE, 150_000L)
                .with(DataFacts.PI_EXPORTED_SENSITIVE, 0L)
                .with(DataFacts.CONSENT_OBTAINED, true)
                .with(DataFacts.SENSITIVE_DATA_MINIMISED, true)
                .with(BusinessFacts.INDUSTRY, "INTERNET")
                .with(BusinessFacts.DOMESTIC_REVENUE_PCT, new BigDecimal("92.5"))
                .with(BusinessFacts.DOMESTIC_PROFIT_PCT, new BigDecimal("88"))
                .with(BusinessFacts.DOMESTIC_ASSETS_PCT, new BigDecimal("75"))
                .with(BusinessFacts.DOMESTIC_NET_ASSETS_PCT, new BigDecimal("70"))
                .with(BusinessFacts.MANAGEMENT_MOSTLY_PRC, true)
                .with(BusinessFacts.MAIN_PLACE_OF_BUSINESS, "CN")
                .with(Declarations.PROHIBITED_BY_LAW, false)
                .with(Declarations.NATIONAL_SECURITY_THREAT, false)
                .with(Declarations.RECENT_CRIMINAL_OFFENCE, false)
                .with(Declarations.UNDER_INVESTIGATION, false)
                .with(Declarations.OWNERSHIP_DISPUTE, false);
    }

    static ApplicationFacts empty() {
        return ApplicationFacts.NONE;
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
        var facts = ApplicationFacts.NONE
                .with(ListingFacts.LISTING_TYPE, "DIRECT")
                .with(ListingFacts.ISSUER_TYPE, "PRC_JOINT_STOCK")
                .with(ListingFacts.OFFSHORE_ISSUER, "A")
                .with(ListingFacts.VENUE_EXCHANGE, "HKEX")
                .with(ListingFacts.VENUE_REGION, "HK")
                .with(ListingFacts.OFFERING_TYPE, "IPO")
                .with(DataFacts.NETWORK_PLATFORM_OPERATOR, true)
                .with(DataFacts.CIIO, false)
                .with(DataFacts.IMPORTANT_DATA, false)
                .with(DataFacts.PERSONAL_INFO_USERS, -1L)
                .with(DataFacts.PI_EXPORTED_NON_SENSITIVE, 0L)
                .with(DataFacts.PI_EXPORTED_SENSITIVE, -5L)
                .with(DataFacts.CONSENT_OBTAINED, true)
                .with(DataFacts.SENSITIVE_DATA_MINIMISED, true)
                .with(BusinessFacts.INDUSTRY, "INTERNET")
                .with(BusinessFacts.DOMESTIC_REVENUE_PCT, new BigDecimal("100.01"))
                .with(BusinessFacts.DOMESTIC_PROFIT_PCT, new BigDecimal("-0.5"))
                .with(BusinessFacts.DOMESTIC_ASSETS_PCT, new BigDecimal("100"))
                .with(BusinessFacts.DOMESTIC_NET_ASSETS_PCT, new BigDecimal("0"))
                .with(BusinessFacts.MANAGEMENT_MOSTLY_PRC, true)
                .with(BusinessFacts.MAIN_PLACE_OF_BUSINESS, "CN")
                .with(Declarations.PROHIBITED_BY_LAW, false)
                .with(Declarations.NATIONAL_SECURITY_THREAT, false)
                .with(Declarations.RECENT_CRIMINAL_OFFENCE, false)
                .with(Declarations.UNDER_INVESTIGATION, false)
                .with(Declarations.OWNERSHIP_DISPUTE, false);
        assertThat(ApplicationRules.malformed(facts, List.of()))
                .extracting(FieldProblem::field, FieldProblem::problem)
                .containsExactlyInAnyOrder(tuple("personalInfoUsers", Problem.NEGATIVE),
                        tuple("piExportedSensitive", Problem.NEGATIVE),
                        tuple("domesticRevenuePct", Problem.OUT_OF_RANGE),
                        tuple("domesticProfitPct", Problem.NEGATIVE));
    }

    @Test
    void unknownCodesAndOverlongTextsAreRefused() {
        var facts = ApplicationFacts.NONE
                .with(ListingFacts.LISTING_TYPE, "SIDEWAYS")
                .with(ListingFacts.ISSUER_TYPE, "OFFSHORE")
                .with(ListingFacts.OFFSHORE_ISSUER, "x".repeat(201))
                .with(ListingFacts.VENUE_EXCHANGE, "NYSE")
                .with(ListingFacts.VENUE_REGION, "usa")
                .with(ListingFacts.OFFERING_TYPE, "IPO")
                .with(BusinessFacts.MAIN_PLACE_OF_BUSINESS, "mainland")
                .with(StateAssets.STATE_CLOUD_MIGRATION_STATUS, "DONE");
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
        assertThat(problems(venue("OTHER", "x".repeat(ListingFacts.VENUE_EXCHANGE_NAME.maxLength() + 1), "BE")))
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
        var listedBefore = complete().with(BusinessFacts.PREVIOUSLY_LISTED_ABROAD_ON, LocalDate.of(2020, 6, 30))
                .with(BusinessFacts.PREVIOUSLY_LISTED_EXCHANGE, null);
        assertThat(ApplicationRules.missing(listedBefore)).extracting(FieldProblem::field)
                .containsExactly("previouslyListedExchange");
        assertThat(ApplicationRules.missing(listedBefore.with(BusinessFacts.PREVIOUSLY_LISTED_ABROAD_ON,
                LocalDate.of(2020, 6, 30)).with(BusinessFacts.PREVIOUSLY_LISTED_EXCHANGE, "NYSE"))).isEmpty();
        assertThat(problems(listedBefore.with(BusinessFacts.PREVIOUSLY_LISTED_ABROAD_ON, LocalDate.of(2020, 6, 30))
                .with(BusinessFacts.PREVIOUSLY_LISTED_EXCHANGE, "Wall Street")))
                .containsExactly(tuple("previouslyListedExchange", Problem.UNKNOWN_VALUE));
        assertThat(ApplicationRules.missing(complete())).as("never listed: no market asked").isEmpty();
    }

    private static ApplicationFacts venue(String exchange, String name, String region) {
        ApplicationFacts c = complete();
        return ApplicationFacts.NONE
                .with(ListingFacts.LISTING_TYPE, c.get(ListingFacts.LISTING_TYPE))
                .with(ListingFacts.ISSUER_TYPE, c.get(ListingFacts.ISSUER_TYPE))
                .with(ListingFacts.OFFSHORE_ISSUER, c.get(ListingFacts.OFFSHORE_ISSUER))
                .with(ListingFacts.VENUE_EXCHANGE, exchange)
                .with(ListingFacts.VENUE_EXCHANGE_NAME, name)
                .with(ListingFacts.VENUE_REGION, region)
                .with(ListingFacts.OFFERING_TYPE, c.get(ListingFacts.OFFERING_TYPE))
                .with(ListingFacts.PLANNED_LISTING_DATE, c.get(ListingFacts.PLANNED_LISTING_DATE))
                .with(DataFacts.NETWORK_PLATFORM_OPERATOR, true)
                .with(DataFacts.CIIO, false)
                .with(DataFacts.IMPORTANT_DATA, false)
                .with(DataFacts.PERSONAL_INFO_USERS, 3_200_000L)
                .with(DataFacts.PI_EXPORTED_NON_SENSITIVE, 150_000L)
                .with(DataFacts.PI_EXPORTED_SENSITIVE, 0L)
                .with(DataFacts.CONSENT_OBTAINED, true)
                .with(DataFacts.SENSITIVE_DATA_MINIMISED, true)
                .with(BusinessFacts.INDUSTRY, "INTERNET")
                .with(BusinessFacts.DOMESTIC_REVENUE_PCT, new BigDecimal("92.5"))
                .with(BusinessFacts.DOMESTIC_PROFIT_PCT, new BigDecimal("88"))
                .with(BusinessFacts.DOMESTIC_ASSETS_PCT, new BigDecimal("75"))
                .with(BusinessFacts.DOMESTIC_NET_ASSETS_PCT, new BigDecimal("70"))
                .with(BusinessFacts.MANAGEMENT_MOSTLY_PRC, true)
                .with(BusinessFacts.MAIN_PLACE_OF_BUSINESS, "CN")
                .with(Declarations.PROHIBITED_BY_LAW, false)
                .with(Declarations.NATIONAL_SECURITY_THREAT, false)
                .with(Declarations.RECENT_CRIMINAL_OFFENCE, false)
                .with(Declarations.UNDER_INVESTIGATION, false)
                .with(Declarations.OWNERSHIP_DISPUTE, false);
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
        return ApplicationFacts.NONE
                .with(ListingFacts.LISTING_TYPE, "INDIRECT")
                .with(ListingFacts.ISSUER_TYPE, "OFFSHORE")
                .with(ListingFacts.OFFSHORE_ISSUER, "Example Holdings Ltd.")
                .with(ListingFacts.VENUE_EXCHANGE, exchange)
                .with(ListingFacts.VENUE_REGION, venueRegion)
                .with(ListingFacts.OFFERING_TYPE, "IPO")
                .with(ListingFacts.PLANNED_LISTING_DATE, LocalDate.of(2027, 6, 1))
                .with(DataFacts.NETWORK_PLATFORM_OPERATOR, true)
                .with(DataFacts.CIIO, false)
                .with(DataFacts.IMPORTANT_DATA, false)
                .with(DataFacts.PERSONAL_INFO_USERS, 3_200_000L)
                .with(DataFacts.PI_EXPORTED_NON_SENSITIVE, 150_000L)
                .with(DataFacts.PI_EXPORTED_SENSITIVE, 0L)
                .with(DataFacts.CONSENT_OBTAINED, true)
                .with(DataFacts.SENSITIVE_DATA_MINIMISED, true)
                .with(BusinessFacts.INDUSTRY, industry)
                .with(BusinessFacts.DOMESTIC_REVENUE_PCT, new BigDecimal("92.5"))
                .with(BusinessFacts.DOMESTIC_PROFIT_PCT, new BigDecimal("88"))
                .with(BusinessFacts.DOMESTIC_ASSETS_PCT, new BigDecimal("75"))
                .with(BusinessFacts.DOMESTIC_NET_ASSETS_PCT, new BigDecimal("70"))
                .with(BusinessFacts.MANAGEMENT_MOSTLY_PRC, true)
                .with(BusinessFacts.MAIN_PLACE_OF_BUSINESS, mainPlaceOfBusiness)
                .with(Declarations.PROHIBITED_BY_LAW, false)
                .with(Declarations.NATIONAL_SECURITY_THREAT, false)
                .with(Declarations.RECENT_CRIMINAL_OFFENCE, false)
                .with(Declarations.UNDER_INVESTIGATION, false)
                .with(Declarations.OWNERSHIP_DISPUTE, false);
    }

    @Test
    void aCompanyUnderAStateAssetsSupervisorMustStateItsMigrationAndEachContractNeedsProviderAndEnd() {
        var supervised = ApplicationFacts.NONE
                .with(ListingFacts.LISTING_TYPE, "DIRECT")
                .with(ListingFacts.ISSUER_TYPE, "PRC_JOINT_STOCK")
                .with(ListingFacts.OFFSHORE_ISSUER, "A")
                .with(ListingFacts.VENUE_EXCHANGE, "HKEX")
                .with(ListingFacts.VENUE_REGION, "HK")
                .with(ListingFacts.OFFERING_TYPE, "IPO")
                .with(DataFacts.NETWORK_PLATFORM_OPERATOR, true)
                .with(DataFacts.CIIO, false)
                .with(DataFacts.IMPORTANT_DATA, false)
                .with(DataFacts.PERSONAL_INFO_USERS, 10L)
                .with(DataFacts.PI_EXPORTED_NON_SENSITIVE, 0L)
                .with(DataFacts.PI_EXPORTED_SENSITIVE, 0L)
                .with(DataFacts.CONSENT_OBTAINED, true)
                .with(DataFacts.SENSITIVE_DATA_MINIMISED, true)
                .with(BusinessFacts.INDUSTRY, "INTERNET")
                .with(BusinessFacts.DOMESTIC_REVENUE_PCT, BigDecimal.TEN)
                .with(BusinessFacts.DOMESTIC_PROFIT_PCT, BigDecimal.TEN)
                .with(BusinessFacts.DOMESTIC_ASSETS_PCT, BigDecimal.TEN)
                .with(BusinessFacts.DOMESTIC_NET_ASSETS_PCT, BigDecimal.TEN)
                .with(BusinessFacts.MANAGEMENT_MOSTLY_PRC, true)
                .with(BusinessFacts.MAIN_PLACE_OF_BUSINESS, "CN")
                .with(Declarations.PROHIBITED_BY_LAW, false)
                .with(Declarations.NATIONAL_SECURITY_THREAT, false)
                .with(Declarations.RECENT_CRIMINAL_OFFENCE, false)
                .with(Declarations.UNDER_INVESTIGATION, false)
                .with(Declarations.OWNERSHIP_DISPUTE, false)
                .with(StateAssets.STATE_ASSETS_SUPERVISOR, "SASAC");
        assertThat(ApplicationRules.missing(supervised)).extracting(FieldProblem::field)
                .contains("stateCloudMigrationStatus");
        assertThat(ApplicationRules.malformed(supervised, List.of(new CloudContract(" ", null))))
                .extracting(FieldProblem::field)
                .containsExactly("cloudContracts[0].provider", "cloudContracts[0].endDate");
    }
}
