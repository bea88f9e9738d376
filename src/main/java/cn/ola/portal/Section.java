package cn.ola.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The pages of the application form, in the order a company fills them in. Each names the
 * {@code ApplicationFacts} fields it edits, so that saving a page changes only those.
 */
enum Section {
    COMPANY("company", List.of()),
    LISTING("listing", List.of("listingType", "issuerType", "offshoreIssuer", "venueExchange", "venueExchangeName",
            "venueRegion",
            "offeringType", "plannedListingDate", "overseasSubmissionDate")),
    DATA("data", List.of("networkPlatformOperator", "ciio", "importantData", "personalInfoUsers",
            "piExportedNonSensitive", "piExportedSensitive", "consentObtained", "sensitiveDataMinimised")),
    BUSINESS("business", List.of("industry", "domesticRevenuePct", "domesticProfitPct", "domesticAssetsPct",
            "domesticNetAssetsPct", "managementMostlyPrc", "mainPlaceOfBusiness", "previouslyListedAbroadOn",
            "previouslyListedExchange")),
    DECLARATIONS("declarations", List.of("declProhibitedByLaw", "declNationalSecurityThreat",
            "declRecentCriminalOffence", "declUnderInvestigation", "declOwnershipDispute")),
    STATE("state", List.of("stateAssetsSupervisor", "stateCloudMigrationStatus", "cloudContracts")),
    DOCUMENTS("documents", List.of());

    private final String path;
    private final List<String> fields;

    Section(String path, List<String> fields) {
        this.path = path;
        this.fields = fields;
    }

    public String path() {
        return path;
    }

    List<String> fields() {
        return fields;
    }

    /** The page after this one; after the last one comes the review. */
    Optional<Section> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    static Optional<Section> of(String path) {
        return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }

    /** The page on which a reported field is filled in ({@code documents.<KIND>}, {@code cloudContracts[i].x} included). */
    static Section holding(String field) {
        if (field.startsWith("documents.")) {
            return DOCUMENTS;
        }
        String name = field.replaceFirst("[\\[.].*$", "");
        return Arrays.stream(values()).filter(s -> s.fields.contains(name)).findFirst().orElse(COMPANY);
    }

    /** The id of the field's input on its page, for links from the error summary. */
    static String anchor(String field) {
        return field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }
}
