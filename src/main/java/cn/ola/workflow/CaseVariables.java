package cn.ola.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import cn.ola.company.Company;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ApplicationNumber;

/**
 * The variables a case starts with: the filed facts in the types the decisions and forms read
 * (dates as ISO strings, percentages as doubles — no Java-serialised objects in the engine).
 */
final class CaseVariables {

    private CaseVariables() {
    }

    static Map<String, Object> of(ApplicationNumber number, Company company, ApplicationFacts facts,
            LocalDate earliestCloudContractEnd, LocalDate submittedOn) {
        Map<String, Object> v = facts(facts, earliestCloudContractEnd);
        v.put(ProcessVariables.APPLICATION_NUMBER, number.toString());
        v.put(ProcessVariables.COMPANY_GROUP, company.groupId());
        v.put(ProcessVariables.COMPANY_NAME, company.nameZh());
        v.put(ProcessVariables.SUBMITTED_ON, submittedOn.toString());
        return v;
    }

    /** The filed facts as the screening decisions read them (also before submission, see {@link RequiredDocuments}). */
    static Map<String, Object> facts(ApplicationFacts facts, LocalDate earliestCloudContractEnd) {
        Map<String, Object> v = new HashMap<>();
        v.put(ProcessVariables.OVERSEAS_SUBMISSION_DATE, iso(facts.overseasSubmissionDate()));
        v.put(ProcessVariables.VENUE_EXCHANGE, facts.venueExchange());
        v.put(ProcessVariables.VENUE_EXCHANGE_NAME, facts.venueExchangeName());
        v.put(ProcessVariables.VENUE_REGION, facts.venueRegion());
        v.put(ProcessVariables.NETWORK_PLATFORM_OPERATOR, facts.networkPlatformOperator());
        v.put(ProcessVariables.CIIO, facts.ciio());
        v.put(ProcessVariables.IMPORTANT_DATA, facts.importantData());
        v.put(ProcessVariables.PERSONAL_INFO_USERS, facts.personalInfoUsers());
        v.put(ProcessVariables.PI_EXPORTED_NON_SENSITIVE, facts.piExportedNonSensitive());
        v.put(ProcessVariables.PI_EXPORTED_SENSITIVE, facts.piExportedSensitive());
        v.put(ProcessVariables.CONSENT_OBTAINED, facts.consentObtained());
        v.put(ProcessVariables.SENSITIVE_DATA_MINIMISED, facts.sensitiveDataMinimised());
        v.put(ProcessVariables.PREVIOUSLY_LISTED_ABROAD_ON, iso(facts.previouslyListedAbroadOn()));
        v.put(ProcessVariables.PREVIOUSLY_LISTED_EXCHANGE, facts.previouslyListedExchange());
        v.put(ProcessVariables.INDUSTRY, facts.industry());
        v.put(ProcessVariables.ISSUER_TYPE, facts.issuerType());
        v.put(ProcessVariables.DOMESTIC_REVENUE_PCT, number(facts.domesticRevenuePct()));
        v.put(ProcessVariables.DOMESTIC_PROFIT_PCT, number(facts.domesticProfitPct()));
        v.put(ProcessVariables.DOMESTIC_ASSETS_PCT, number(facts.domesticAssetsPct()));
        v.put(ProcessVariables.DOMESTIC_NET_ASSETS_PCT, number(facts.domesticNetAssetsPct()));
        v.put(ProcessVariables.MANAGEMENT_MOSTLY_PRC, facts.managementMostlyPrc());
        v.put(ProcessVariables.MAIN_PLACE_OF_BUSINESS, facts.mainPlaceOfBusiness());
        v.put(ProcessVariables.DECL_PROHIBITED_BY_LAW, facts.declProhibitedByLaw());
        v.put(ProcessVariables.DECL_NATIONAL_SECURITY_THREAT, facts.declNationalSecurityThreat());
        v.put(ProcessVariables.DECL_RECENT_CRIMINAL_OFFENCE, facts.declRecentCriminalOffence());
        v.put(ProcessVariables.DECL_UNDER_INVESTIGATION, facts.declUnderInvestigation());
        v.put(ProcessVariables.DECL_OWNERSHIP_DISPUTE, facts.declOwnershipDispute());
        v.put(ProcessVariables.STATE_ASSETS_SUPERVISOR, facts.stateAssetsSupervisor());
        v.put(ProcessVariables.USES_THIRD_PARTY_CLOUD, earliestCloudContractEnd != null);
        v.put(ProcessVariables.EARLIEST_CLOUD_CONTRACT_END, iso(earliestCloudContractEnd));
        return v;
    }

    private static String iso(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
