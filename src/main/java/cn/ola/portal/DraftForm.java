package cn.ola.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.ola.applicant.ApplicationDraft;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ListingApplications.CloudContract;

/**
 * The application form as typed. Every field is text, so that "abc" in a number field or a
 * date that is not one comes back to the user exactly as typed, next to the message.
 */
class DraftForm {

    /** Empty rows offered for more cloud contracts (there is no script to add rows). */
    static final int EMPTY_CONTRACT_ROWS = 2;

    static final String WHOLE_NUMBER = "applications.error.wholeNumber";
    static final String NUMBER = "applications.error.number";
    static final String DATE = "applications.error.date";
    static final String YES_NO = "applications.error.yesNo";

    private String listingType, issuerType, offshoreIssuer, venueExchange, venueExchangeName, venueRegion, offeringType;
    private String plannedListingDate, overseasSubmissionDate;
    private String networkPlatformOperator, ciio, importantData, personalInfoUsers, piExportedNonSensitive,
            piExportedSensitive, consentObtained, sensitiveDataMinimised;
    private String industry, domesticRevenuePct, domesticProfitPct, domesticAssetsPct, domesticNetAssetsPct,
            managementMostlyPrc, mainPlaceOfBusiness, previouslyListedAbroadOn, previouslyListedExchange;
    private String declProhibitedByLaw, declNationalSecurityThreat, declRecentCriminalOffence, declUnderInvestigation,
            declOwnershipDispute;
    private String stateAssetsSupervisor, stateCloudMigrationStatus;
    private List<ContractRow> contracts = new ArrayList<>();

    /** One third-party cloud contract row of the form. */
    static class ContractRow {
        private String provider;
        private String endDate;

        ContractRow() {
        }

        ContractRow(String provider, String endDate) {
            this.provider = provider;
            this.endDate = endDate;
        }

        boolean blank() {
            return text(provider) == null && text(endDate) == null;
        }

        public String getProvider() {
            return provider;
        }

        public void setProvider(String provider) {
            this.provider = provider;
        }

        public String getEndDate() {
            return endDate;
        }

        public void setEndDate(String endDate) {
            this.endDate = endDate;
        }
    }

    /** What a form parses to: the draft, or the fields whose text is not a value of their kind. */
    record Parsed(ApplicationDraft draft, Map<String, String> errors) {
    }

    static DraftForm of(ApplicationFacts f, List<CloudContract> cloudContracts) {
        DraftForm form = new DraftForm();
        form.listingType = f.listingType();
        form.issuerType = f.issuerType();
        form.offshoreIssuer = f.offshoreIssuer();
        form.venueExchange = f.venueExchange();
        form.venueExchangeName = f.venueExchangeName();
        form.venueRegion = f.venueRegion();
        form.offeringType = f.offeringType();
        form.plannedListingDate = string(f.plannedListingDate());
        form.overseasSubmissionDate = string(f.overseasSubmissionDate());
        form.networkPlatformOperator = string(f.networkPlatformOperator());
        form.ciio = string(f.ciio());
        form.importantData = string(f.importantData());
        form.personalInfoUsers = string(f.personalInfoUsers());
        form.piExportedNonSensitive = string(f.piExportedNonSensitive());
        form.piExportedSensitive = string(f.piExportedSensitive());
        form.consentObtained = string(f.consentObtained());
        form.sensitiveDataMinimised = string(f.sensitiveDataMinimised());
        form.industry = f.industry();
        form.domesticRevenuePct = percent(f.domesticRevenuePct());
        form.domesticProfitPct = percent(f.domesticProfitPct());
        form.domesticAssetsPct = percent(f.domesticAssetsPct());
        form.domesticNetAssetsPct = percent(f.domesticNetAssetsPct());
        form.managementMostlyPrc = string(f.managementMostlyPrc());
        form.mainPlaceOfBusiness = f.mainPlaceOfBusiness();
        form.previouslyListedAbroadOn = string(f.previouslyListedAbroadOn());
        form.previouslyListedExchange = f.previouslyListedExchange();
        form.declProhibitedByLaw = string(f.declProhibitedByLaw());
        form.declNationalSecurityThreat = string(f.declNationalSecurityThreat());
        form.declRecentCriminalOffence = string(f.declRecentCriminalOffence());
        form.declUnderInvestigation = string(f.declUnderInvestigation());
        form.declOwnershipDispute = string(f.declOwnershipDispute());
        form.stateAssetsSupervisor = f.stateAssetsSupervisor();
        form.stateCloudMigrationStatus = f.stateCloudMigrationStatus();
        for (CloudContract contract : cloudContracts) {
            form.contracts.add(new ContractRow(contract.provider(), string(contract.endDate())));
        }
        return form;
    }

    /** Drops the contract rows left blank, so that row numbers match the contracts as saved. */
    void dropBlankContractRows() {
        contracts = new ArrayList<>(contracts.stream().filter(row -> row != null && !row.blank()).toList());
    }

    /** The filled-in contract rows followed by empty ones to add more. */
    public List<ContractRow> contractRows() {
        List<ContractRow> rows = new ArrayList<>(contracts.stream().filter(row -> row != null && !row.blank()).toList());
        for (int i = 0; i < EMPTY_CONTRACT_ROWS; i++) {
            rows.add(new ContractRow());
        }
        return rows;
    }

    Parsed parse() {
        Map<String, String> errors = new LinkedHashMap<>();
        Parser p = new Parser(errors);
        ApplicationFacts facts = new ApplicationFacts(
                text(listingType), text(issuerType), text(offshoreIssuer), text(venueExchange), text(venueExchangeName),
                region(venueRegion),
                text(offeringType), p.date("plannedListingDate", plannedListingDate),
                p.date("overseasSubmissionDate", overseasSubmissionDate),
                p.yesNo("networkPlatformOperator", networkPlatformOperator), p.yesNo("ciio", ciio),
                p.yesNo("importantData", importantData), p.whole("personalInfoUsers", personalInfoUsers),
                p.whole("piExportedNonSensitive", piExportedNonSensitive),
                p.whole("piExportedSensitive", piExportedSensitive), p.yesNo("consentObtained", consentObtained),
                p.yesNo("sensitiveDataMinimised", sensitiveDataMinimised),
                text(industry), p.decimal("domesticRevenuePct", domesticRevenuePct),
                p.decimal("domesticProfitPct", domesticProfitPct), p.decimal("domesticAssetsPct", domesticAssetsPct),
                p.decimal("domesticNetAssetsPct", domesticNetAssetsPct),
                p.yesNo("managementMostlyPrc", managementMostlyPrc), region(mainPlaceOfBusiness),
                p.date("previouslyListedAbroadOn", previouslyListedAbroadOn), text(previouslyListedExchange),
                p.yesNo("declProhibitedByLaw", declProhibitedByLaw),
                p.yesNo("declNationalSecurityThreat", declNationalSecurityThreat),
                p.yesNo("declRecentCriminalOffence", declRecentCriminalOffence),
                p.yesNo("declUnderInvestigation", declUnderInvestigation),
                p.yesNo("declOwnershipDispute", declOwnershipDispute),
                text(stateAssetsSupervisor), text(stateCloudMigrationStatus));
        List<CloudContract> cloudContracts = new ArrayList<>();
        for (int i = 0; i < contracts.size(); i++) {
            ContractRow row = contracts.get(i);
            cloudContracts.add(new CloudContract(text(row.provider),
                    p.date("cloudContracts[" + i + "].endDate", row.endDate)));
        }
        return new Parsed(new ApplicationDraft(facts, cloudContracts), errors);
    }

    private record Parser(Map<String, String> errors) {

        Long whole(String field, String value) {
            String text = text(value);
            if (text == null) {
                return null;
            }
            try {
                // People write large counts with separators: 1,200,000 or 1 200 000.
                return Long.valueOf(text.replaceAll("[,\\s_，]", ""));
            } catch (NumberFormatException e) {
                errors.put(field, WHOLE_NUMBER);
                return null;
            }
        }

        BigDecimal decimal(String field, String value) {
            String text = text(value);
            if (text == null) {
                return null;
            }
            try {
                return new BigDecimal(text.replaceAll("[%％\\s]", ""));
            } catch (NumberFormatException e) {
                errors.put(field, NUMBER);
                return null;
            }
        }

        LocalDate date(String field, String value) {
            String text = text(value);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                errors.put(field, DATE);
                return null;
            }
        }

        Boolean yesNo(String field, String value) {
            String text = text(value);
            if (text == null) {
                return null;
            }
            if (text.equals("true") || text.equals("false")) {
                return Boolean.valueOf(text);
            }
            errors.put(field, YES_NO);
            return null;
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String region(String value) {
        String text = text(value);
        return text == null ? null : text.toUpperCase(java.util.Locale.ROOT);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String percent(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    // Bean accessors for binding and for the templates.

    public String getListingType() { return listingType; }
    public void setListingType(String v) { listingType = v; }
    public String getIssuerType() { return issuerType; }
    public void setIssuerType(String v) { issuerType = v; }
    public String getOffshoreIssuer() { return offshoreIssuer; }
    public void setOffshoreIssuer(String v) { offshoreIssuer = v; }
    public String getVenueExchange() { return venueExchange; }
    public void setVenueExchange(String v) { venueExchange = v; }
    public String getVenueExchangeName() { return venueExchangeName; }
    public void setVenueExchangeName(String v) { venueExchangeName = v; }
    public String getVenueRegion() { return venueRegion; }
    public void setVenueRegion(String v) { venueRegion = v; }
    public String getOfferingType() { return offeringType; }
    public void setOfferingType(String v) { offeringType = v; }
    public String getPlannedListingDate() { return plannedListingDate; }
    public void setPlannedListingDate(String v) { plannedListingDate = v; }
    public String getOverseasSubmissionDate() { return overseasSubmissionDate; }
    public void setOverseasSubmissionDate(String v) { overseasSubmissionDate = v; }
    public String getNetworkPlatformOperator() { return networkPlatformOperator; }
    public void setNetworkPlatformOperator(String v) { networkPlatformOperator = v; }
    public String getCiio() { return ciio; }
    public void setCiio(String v) { ciio = v; }
    public String getImportantData() { return importantData; }
    public void setImportantData(String v) { importantData = v; }
    public String getPersonalInfoUsers() { return personalInfoUsers; }
    public void setPersonalInfoUsers(String v) { personalInfoUsers = v; }
    public String getPiExportedNonSensitive() { return piExportedNonSensitive; }
    public void setPiExportedNonSensitive(String v) { piExportedNonSensitive = v; }
    public String getPiExportedSensitive() { return piExportedSensitive; }
    public void setPiExportedSensitive(String v) { piExportedSensitive = v; }
    public String getConsentObtained() { return consentObtained; }
    public void setConsentObtained(String v) { consentObtained = v; }
    public String getSensitiveDataMinimised() { return sensitiveDataMinimised; }
    public void setSensitiveDataMinimised(String v) { sensitiveDataMinimised = v; }
    public String getIndustry() { return industry; }
    public void setIndustry(String v) { industry = v; }
    public String getDomesticRevenuePct() { return domesticRevenuePct; }
    public void setDomesticRevenuePct(String v) { domesticRevenuePct = v; }
    public String getDomesticProfitPct() { return domesticProfitPct; }
    public void setDomesticProfitPct(String v) { domesticProfitPct = v; }
    public String getDomesticAssetsPct() { return domesticAssetsPct; }
    public void setDomesticAssetsPct(String v) { domesticAssetsPct = v; }
    public String getDomesticNetAssetsPct() { return domesticNetAssetsPct; }
    public void setDomesticNetAssetsPct(String v) { domesticNetAssetsPct = v; }
    public String getManagementMostlyPrc() { return managementMostlyPrc; }
    public void setManagementMostlyPrc(String v) { managementMostlyPrc = v; }
    public String getMainPlaceOfBusiness() { return mainPlaceOfBusiness; }
    public void setMainPlaceOfBusiness(String v) { mainPlaceOfBusiness = v; }
    public String getPreviouslyListedAbroadOn() { return previouslyListedAbroadOn; }
    public void setPreviouslyListedAbroadOn(String v) { previouslyListedAbroadOn = v; }
    public String getPreviouslyListedExchange() { return previouslyListedExchange; }
    public void setPreviouslyListedExchange(String v) { previouslyListedExchange = v; }
    public String getDeclProhibitedByLaw() { return declProhibitedByLaw; }
    public void setDeclProhibitedByLaw(String v) { declProhibitedByLaw = v; }
    public String getDeclNationalSecurityThreat() { return declNationalSecurityThreat; }
    public void setDeclNationalSecurityThreat(String v) { declNationalSecurityThreat = v; }
    public String getDeclRecentCriminalOffence() { return declRecentCriminalOffence; }
    public void setDeclRecentCriminalOffence(String v) { declRecentCriminalOffence = v; }
    public String getDeclUnderInvestigation() { return declUnderInvestigation; }
    public void setDeclUnderInvestigation(String v) { declUnderInvestigation = v; }
    public String getDeclOwnershipDispute() { return declOwnershipDispute; }
    public void setDeclOwnershipDispute(String v) { declOwnershipDispute = v; }
    public String getStateAssetsSupervisor() { return stateAssetsSupervisor; }
    public void setStateAssetsSupervisor(String v) { stateAssetsSupervisor = v; }
    public String getStateCloudMigrationStatus() { return stateCloudMigrationStatus; }
    public void setStateCloudMigrationStatus(String v) { stateCloudMigrationStatus = v; }
    public List<ContractRow> getContracts() { return contracts; }
    public void setContracts(List<ContractRow> v) { contracts = v == null ? new ArrayList<>() : v; }
}
