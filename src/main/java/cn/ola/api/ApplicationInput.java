package cn.ola.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import cn.ola.api.Problems.FieldError;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ListingApplications.CloudContract;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An application as a company system sends it: every filed field of DESIGN §5, each optional
 * while it is a draft. Codes are upper case; dates ISO (YYYY-MM-DD); regions ISO 3166 alpha-2.
 */
@Schema(name = "ApplicationInput", description = "The filed facts of an application. Every field is optional while "
        + "the application is a draft; submission needs them all (the state-cloud migration status only under a "
        + "state-assets supervisor). Unknown fields are refused, so that a misspelt field is not silently lost.")
record ApplicationInput(
        @Schema(allowableValues = {"DIRECT", "INDIRECT"}) String listingType,
        @Schema(allowableValues = {"PRC_JOINT_STOCK", "OFFSHORE"}) String issuerType,
        @Schema(example = "Example Data Holdings Ltd. (Cayman)", maxLength = 200) String offshoreIssuer,
        @Schema(example = "NYSE", description = "Code of the exchange; it must be in the venue's country or region. "
                + "OTHER for an exchange not on the list, named in venueExchangeName",
                allowableValues = {"HKEX", "NYSE", "NASDAQ", "LSE", "SGX", "FWB", "SIX", "TSE", "KRX", "TSX", "ASX",
                        "EURONEXT_PARIS", "EURONEXT_AMSTERDAM", "LUXSE", "OTHER"}) String venueExchange,
        @Schema(description = "The exchange's name, when venueExchange is OTHER", maxLength = 100) String venueExchangeName,
        @Schema(example = "US", description = "ISO 3166 alpha-2 code of the venue's country or region") String venueRegion,
        @Schema(allowableValues = {"IPO", "FOLLOW_ON", "DUAL_PRIMARY", "TRANSFER"}) String offeringType,
        LocalDate plannedListingDate,
        @Schema(description = "The day the overseas listing application was submitted, if it was") LocalDate overseasSubmissionDate,
        Boolean networkPlatformOperator,
        @Schema(description = "Critical information infrastructure operator") Boolean ciio,
        Boolean importantData,
        @Schema(minimum = "0", example = "3200000", description = "People whose personal information the company holds")
        Long personalInfoUsers,
        @Schema(minimum = "0", description = "People whose non-sensitive personal information was exported since 1 January")
        Long piExportedNonSensitive,
        @Schema(minimum = "0", description = "People whose sensitive personal information was exported since 1 January")
        Long piExportedSensitive,
        Boolean consentObtained,
        Boolean sensitiveDataMinimised,
        @Schema(example = "SOFTWARE", maxLength = 64) String industry,
        @Schema(minimum = "0", maximum = "100", example = "92.5") BigDecimal domesticRevenuePct,
        @Schema(minimum = "0", maximum = "100") BigDecimal domesticProfitPct,
        @Schema(minimum = "0", maximum = "100") BigDecimal domesticAssetsPct,
        @Schema(minimum = "0", maximum = "100") BigDecimal domesticNetAssetsPct,
        Boolean managementMostlyPrc,
        @Schema(example = "CN") String mainPlaceOfBusiness,
        @Schema(description = "The day the company was first listed abroad, if it was") LocalDate previouslyListedAbroadOn,
        @Schema(example = "NASDAQ", description = "Code of the exchange where the company is listed since "
                + "previouslyListedAbroadOn (same codes as venueExchange); required with that date")
        String previouslyListedExchange,
        @Schema(description = "Art. 8 declaration: listing prohibited by law") Boolean declProhibitedByLaw,
        @Schema(description = "Art. 8 declaration: threat to national security") Boolean declNationalSecurityThreat,
        @Schema(description = "Art. 8 declaration: recent criminal offence") Boolean declRecentCriminalOffence,
        @Schema(description = "Art. 8 declaration: under investigation") Boolean declUnderInvestigation,
        @Schema(description = "Art. 8 declaration: ownership dispute") Boolean declOwnershipDispute,
        @Schema(maxLength = 100) String stateAssetsSupervisor,
        @Schema(allowableValues = {"NOT_STARTED", "IN_PROGRESS", "COMPLETED"}) String stateCloudMigrationStatus,
        List<CloudContractInput> cloudContracts,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) {

    /** A third-party cloud contract of a company under a state-assets supervisor. */
    record CloudContractInput(@Schema(example = "Example Cloud Co., Ltd.") String provider,
            @Schema(example = "2026-12-31") LocalDate endDate) {
    }

    ApplicationInput {
        unknownFields = unknownFields == null ? new LinkedHashMap<>() : unknownFields;
    }

    ApplicationDraft toDraft() {
        List<FieldError> unknown = unknownFields.keySet().stream()
                .map(name -> new FieldError(name, "UNKNOWN_FIELD", "No such field in an application.")).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("The body has fields an application does not have.", unknown);
        }
        List<CloudContract> contracts = new ArrayList<>();
        if (cloudContracts != null) {
            for (CloudContractInput contract : cloudContracts) {
                contracts.add(contract == null ? new CloudContract(null, null)
                        : new CloudContract(contract.provider(), contract.endDate()));
            }
        }
        return new ApplicationDraft(new ApplicationFacts(listingType, issuerType, offshoreIssuer, venueExchange,
                venueExchangeName, venueRegion, offeringType, plannedListingDate, overseasSubmissionDate, networkPlatformOperator, ciio,
                importantData, personalInfoUsers, piExportedNonSensitive, piExportedSensitive, consentObtained,
                sensitiveDataMinimised, industry, domesticRevenuePct, domesticProfitPct, domesticAssetsPct,
                domesticNetAssetsPct, managementMostlyPrc, mainPlaceOfBusiness, previouslyListedAbroadOn,
                previouslyListedExchange, declProhibitedByLaw, declNationalSecurityThreat, declRecentCriminalOffence, declUnderInvestigation,
                declOwnershipDispute, stateAssetsSupervisor, stateCloudMigrationStatus), contracts);
    }
}
