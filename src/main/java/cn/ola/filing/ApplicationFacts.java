package cn.ola.filing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a company files about its listing (DESIGN §5), as the screening decisions and staff forms read it.
 * Exchanges are codes of {@code ApplicationRules.EXCHANGES}; {@code venueExchangeName} names an exchange
 * not on that list ({@code OTHER}); {@code previouslyListedExchange} is the market where the company has
 * been listed since {@code previouslyListedAbroadOn}.
 */
public record ApplicationFacts(
        String listingType, String issuerType, String offshoreIssuer, String venueExchange, String venueExchangeName,
        String venueRegion,
        String offeringType, LocalDate plannedListingDate, LocalDate overseasSubmissionDate,
        Boolean networkPlatformOperator, Boolean ciio, Boolean importantData, Long personalInfoUsers,
        Long piExportedNonSensitive, Long piExportedSensitive, Boolean consentObtained, Boolean sensitiveDataMinimised,
        String industry, BigDecimal domesticRevenuePct, BigDecimal domesticProfitPct, BigDecimal domesticAssetsPct,
        BigDecimal domesticNetAssetsPct, Boolean managementMostlyPrc, String mainPlaceOfBusiness,
        LocalDate previouslyListedAbroadOn, String previouslyListedExchange,
        Boolean declProhibitedByLaw, Boolean declNationalSecurityThreat, Boolean declRecentCriminalOffence,
        Boolean declUnderInvestigation, Boolean declOwnershipDispute,
        String stateAssetsSupervisor, String stateCloudMigrationStatus) {

    /** The facts without an exchange name (a listed exchange) and without the market of an earlier listing. */
    public ApplicationFacts(
            String listingType, String issuerType, String offshoreIssuer, String venueExchange, String venueRegion,
            String offeringType, LocalDate plannedListingDate, LocalDate overseasSubmissionDate,
            Boolean networkPlatformOperator, Boolean ciio, Boolean importantData, Long personalInfoUsers,
            Long piExportedNonSensitive, Long piExportedSensitive, Boolean consentObtained, Boolean sensitiveDataMinimised,
            String industry, BigDecimal domesticRevenuePct, BigDecimal domesticProfitPct, BigDecimal domesticAssetsPct,
            BigDecimal domesticNetAssetsPct, Boolean managementMostlyPrc, String mainPlaceOfBusiness,
            LocalDate previouslyListedAbroadOn,
            Boolean declProhibitedByLaw, Boolean declNationalSecurityThreat, Boolean declRecentCriminalOffence,
            Boolean declUnderInvestigation, Boolean declOwnershipDispute,
            String stateAssetsSupervisor, String stateCloudMigrationStatus) {
        this(listingType, issuerType, offshoreIssuer, venueExchange, null, venueRegion, offeringType, plannedListingDate,
                overseasSubmissionDate, networkPlatformOperator, ciio, importantData, personalInfoUsers,
                piExportedNonSensitive, piExportedSensitive, consentObtained, sensitiveDataMinimised, industry,
                domesticRevenuePct, domesticProfitPct, domesticAssetsPct, domesticNetAssetsPct, managementMostlyPrc,
                mainPlaceOfBusiness, previouslyListedAbroadOn, null, declProhibitedByLaw, declNationalSecurityThreat,
                declRecentCriminalOffence, declUnderInvestigation, declOwnershipDispute, stateAssetsSupervisor,
                stateCloudMigrationStatus);
    }

    /**
     * The start of an application for a listing on another market, from the facts of the listed case: the
     * company, its data and its business as filed then; the new market; the listed one as the earlier listing.
     * What belongs to one listing only (kind of offering, dates) and the declarations, which speak for the
     * day they are made, are left for the company to fill in.
     */
    public ApplicationFacts onAnotherMarket(String exchange, String region, LocalDate listedOn) {
        return new ApplicationFacts(listingType, issuerType, offshoreIssuer, exchange, null, region, null, null, null,
                networkPlatformOperator, ciio, importantData, personalInfoUsers, piExportedNonSensitive, piExportedSensitive,
                consentObtained, sensitiveDataMinimised, industry, domesticRevenuePct, domesticProfitPct, domesticAssetsPct,
                domesticNetAssetsPct, managementMostlyPrc, mainPlaceOfBusiness, listedOn, venueExchange, null, null, null, null,
                null, stateAssetsSupervisor, stateCloudMigrationStatus);
    }

    /** The same facts with the market where the company was listed before. */
    public ApplicationFacts previouslyListed(LocalDate on, String exchange) {
        return new ApplicationFacts(listingType, issuerType, offshoreIssuer, venueExchange, venueExchangeName,
                venueRegion, offeringType, plannedListingDate, overseasSubmissionDate, networkPlatformOperator, ciio,
                importantData, personalInfoUsers, piExportedNonSensitive, piExportedSensitive, consentObtained,
                sensitiveDataMinimised, industry, domesticRevenuePct, domesticProfitPct, domesticAssetsPct,
                domesticNetAssetsPct, managementMostlyPrc, mainPlaceOfBusiness, on, exchange, declProhibitedByLaw,
                declNationalSecurityThreat, declRecentCriminalOffence, declUnderInvestigation, declOwnershipDispute,
                stateAssetsSupervisor, stateCloudMigrationStatus);
    }
}
