package cn.ola.applicant;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.ola.applicant.InvalidApplicationException.FieldProblem;
import cn.ola.applicant.InvalidApplicationException.Problem;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.Exchanges;
import cn.ola.filing.ListingApplications.CloudContract;

/**
 * The one place that says what a well-formed and a complete application is; the portal's form
 * and the API both report these problems field by field. The screening thresholds are not here:
 * they live in the decision tables.
 */
public final class ApplicationRules {

    public static final Set<String> LISTING_TYPES = Set.of("DIRECT", "INDIRECT");
    public static final Set<String> ISSUER_TYPES = Set.of("PRC_JOINT_STOCK", "OFFSHORE");
    public static final Set<String> OFFERING_TYPES = Set.of("IPO", "FOLLOW_ON", "DUAL_PRIMARY", "TRANSFER");
    public static final Set<String> MIGRATION_STATUSES = Set.of("NOT_STARTED", "IN_PROGRESS", "COMPLETED");
    /**
     * The industries the application knows: one list for the form, the API and the decisions
     * ({@code industry-prior-approval} names those that need a regulator's approval).
     */
    public static final List<String> INDUSTRIES = List.of("INTERNET", "SOFTWARE", "E_COMMERCE", "MANUFACTURING",
            "BANKING", "INSURANCE", "SECURITIES", "TELECOMMUNICATIONS", "HEALTHCARE", "EDUCATION", "ENERGY",
            "REAL_ESTATE", "TOBACCO", "OTHER");
    /** Countries and regions as ISO 3166 alpha-2 codes (US, GB, HK, MO, CN, …). */
    public static final Set<String> REGIONS = Set.of(Locale.getISOCountries());
    /** Mainland China: a place of business, never an overseas venue (Hong Kong is HK, Macau MO). */
    public static final String MAINLAND = "CN";
    /** The exchanges the application knows and their regions ({@link Exchanges}): one list for form, API and decisions. */
    public static final Map<String, String> EXCHANGES = Exchanges.REGIONS;
    public static final Set<String> EXCHANGE_CODES = Exchanges.CODES;
    public static final String OTHER_EXCHANGE = Exchanges.OTHER;
    /** At most as long as the other names of the application (the offshore issuer's is longer: it is a legal name). */
    public static final int MAX_EXCHANGE_NAME = 100;
    private static final long MOST_PEOPLE = 10_000_000_000L;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ApplicationRules() {
    }

    /** Problems that keep a draft from being saved: values that cannot be right whatever else is filled in. */
    public static List<FieldProblem> malformed(ApplicationFacts facts, List<CloudContract> contracts) {
        List<FieldProblem> problems = new ArrayList<>();
        oneOf(problems, "listingType", facts.listingType(), LISTING_TYPES);
        oneOf(problems, "issuerType", facts.issuerType(), ISSUER_TYPES);
        oneOf(problems, "offeringType", facts.offeringType(), OFFERING_TYPES);
        oneOf(problems, "stateCloudMigrationStatus", facts.stateCloudMigrationStatus(), MIGRATION_STATUSES);
        oneOf(problems, "industry", facts.industry(), Set.copyOf(INDUSTRIES));
        oneOf(problems, "venueRegion", facts.venueRegion(), REGIONS);
        if (MAINLAND.equals(facts.venueRegion())) {
            problems.add(new FieldProblem("venueRegion", Problem.NOT_OVERSEAS));
        }
        oneOf(problems, "mainPlaceOfBusiness", facts.mainPlaceOfBusiness(), REGIONS);
        length(problems, "offshoreIssuer", facts.offshoreIssuer(), 200);
        oneOf(problems, "venueExchange", facts.venueExchange(), EXCHANGE_CODES);
        String exchangeRegion = EXCHANGES.get(facts.venueExchange());
        if (exchangeRegion != null && !blank(facts.venueRegion()) && REGIONS.contains(facts.venueRegion())
                && !exchangeRegion.equals(facts.venueRegion())) {
            problems.add(new FieldProblem("venueExchange", Problem.NOT_IN_REGION));
        }
        length(problems, "venueExchangeName", facts.venueExchangeName(), MAX_EXCHANGE_NAME);
        oneOf(problems, "previouslyListedExchange", facts.previouslyListedExchange(), EXCHANGE_CODES);
        length(problems, "stateAssetsSupervisor", facts.stateAssetsSupervisor(), 100);
        people(problems, "personalInfoUsers", facts.personalInfoUsers());
        people(problems, "piExportedNonSensitive", facts.piExportedNonSensitive());
        people(problems, "piExportedSensitive", facts.piExportedSensitive());
        percentage(problems, "domesticRevenuePct", facts.domesticRevenuePct());
        percentage(problems, "domesticProfitPct", facts.domesticProfitPct());
        percentage(problems, "domesticAssetsPct", facts.domesticAssetsPct());
        percentage(problems, "domesticNetAssetsPct", facts.domesticNetAssetsPct());
        for (int i = 0; i < contracts.size(); i++) {
            CloudContract contract = contracts.get(i);
            if (blank(contract.provider())) {
                problems.add(new FieldProblem("cloudContracts[" + i + "].provider", Problem.REQUIRED));
            } else {
                length(problems, "cloudContracts[" + i + "].provider", contract.provider(), 200);
            }
            if (contract.endDate() == null) {
                problems.add(new FieldProblem("cloudContracts[" + i + "].endDate", Problem.REQUIRED));
            }
        }
        return problems;
    }

    /** Fields a submission needs besides being well-formed (documents are checked by the caller). */
    public static List<FieldProblem> missing(ApplicationFacts facts) {
        List<FieldProblem> problems = new ArrayList<>();
        required(problems, "listingType", facts.listingType());
        required(problems, "issuerType", facts.issuerType());
        required(problems, "offshoreIssuer", facts.offshoreIssuer());
        required(problems, "venueExchange", facts.venueExchange());
        if (OTHER_EXCHANGE.equals(facts.venueExchange())) {
            required(problems, "venueExchangeName", facts.venueExchangeName());
        }
        required(problems, "venueRegion", facts.venueRegion());
        required(problems, "offeringType", facts.offeringType());
        required(problems, "plannedListingDate", facts.plannedListingDate());
        required(problems, "networkPlatformOperator", facts.networkPlatformOperator());
        required(problems, "ciio", facts.ciio());
        required(problems, "importantData", facts.importantData());
        required(problems, "personalInfoUsers", facts.personalInfoUsers());
        required(problems, "piExportedNonSensitive", facts.piExportedNonSensitive());
        required(problems, "piExportedSensitive", facts.piExportedSensitive());
        required(problems, "consentObtained", facts.consentObtained());
        required(problems, "sensitiveDataMinimised", facts.sensitiveDataMinimised());
        required(problems, "industry", facts.industry());
        required(problems, "domesticRevenuePct", facts.domesticRevenuePct());
        required(problems, "domesticProfitPct", facts.domesticProfitPct());
        required(problems, "domesticAssetsPct", facts.domesticAssetsPct());
        required(problems, "domesticNetAssetsPct", facts.domesticNetAssetsPct());
        required(problems, "managementMostlyPrc", facts.managementMostlyPrc());
        required(problems, "mainPlaceOfBusiness", facts.mainPlaceOfBusiness());
        if (facts.previouslyListedAbroadOn() != null) {
            required(problems, "previouslyListedExchange", facts.previouslyListedExchange());
        }
        required(problems, "declProhibitedByLaw", facts.declProhibitedByLaw());
        required(problems, "declNationalSecurityThreat", facts.declNationalSecurityThreat());
        required(problems, "declRecentCriminalOffence", facts.declRecentCriminalOffence());
        required(problems, "declUnderInvestigation", facts.declUnderInvestigation());
        required(problems, "declOwnershipDispute", facts.declOwnershipDispute());
        if (!blank(facts.stateAssetsSupervisor())) {
            required(problems, "stateCloudMigrationStatus", facts.stateCloudMigrationStatus());
        }
        return problems;
    }

    private static void required(List<FieldProblem> problems, String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            problems.add(new FieldProblem(field, Problem.REQUIRED));
        }
    }

    private static void oneOf(List<FieldProblem> problems, String field, String value, Set<String> allowed) {
        if (!blank(value) && !allowed.contains(value)) {
            problems.add(new FieldProblem(field, Problem.UNKNOWN_VALUE));
        }
    }

    private static void length(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, Problem.TOO_LONG));
        }
    }

    private static void people(List<FieldProblem> problems, String field, Long value) {
        if (value != null && value < 0) {
            problems.add(new FieldProblem(field, Problem.NEGATIVE));
        } else if (value != null && value > MOST_PEOPLE) {
            problems.add(new FieldProblem(field, Problem.OUT_OF_RANGE));
        }
    }

    private static void percentage(List<FieldProblem> problems, String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.scale() > 2)) {
            problems.add(new FieldProblem(field, value.signum() < 0 ? Problem.NEGATIVE : Problem.OUT_OF_RANGE));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
