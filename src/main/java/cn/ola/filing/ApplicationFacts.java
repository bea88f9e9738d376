package cn.ola.filing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a company files about its listing (DESIGN §5), as the screening decisions and staff forms read it. */
public record ApplicationFacts(
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
}
