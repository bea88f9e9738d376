package cn.ola.workflow;

/**
 * Every process variable name in one place. The models (bpmn/, forms/, the DMN tables) use the
 * same names; the facade, delegates and tests use these constants.
 */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    // --- the case -------------------------------------------------------------------------
    public static final String APPLICATION_NUMBER = "applicationNumber";
    /** Camunda group of the applicant company's users: candidate group of every applicant task. */
    public static final String COMPANY_GROUP = "companyGroup";
    public static final String COMPANY_NAME = "companyName";
    /** ISO date on which the company submitted the application to us (its CSRC filing). */
    public static final String SUBMITTED_ON = "submittedOn";

    // --- facts the company filed (inputs of the screening decisions) ----------------------
    // Every filed fact the case gets is a variable of its own name, defined with its question in its
    // section (cn.ola.filing.ListingFacts, DataFacts, BusinessFacts, Declarations, StateAssets). Named
    // here are those that Java code reads by name.
    /** Code of the venue's exchange ("NYSE", "HKEX", …), "OTHER" for one not on the list. */
    public static final String VENUE_EXCHANGE = "venueExchange";
    /** The name of an exchange not on the list (VENUE_EXCHANGE "OTHER"), else null. */
    public static final String VENUE_EXCHANGE_NAME = "venueExchangeName";
    /** ISO 3166 code of the listing venue's country or region: "US", "HK", "GB", … */
    public static final String VENUE_REGION = "venueRegion";
    public static final String NETWORK_PLATFORM_OPERATOR = "networkPlatformOperator";
    public static final String CIIO = "ciio";
    public static final String PERSONAL_INFO_USERS = "personalInfoUsers";
    /** Exchange code of the market of that earlier listing, or null. */
    public static final String PREVIOUSLY_LISTED_EXCHANGE = "previouslyListedExchange";
    public static final String INDUSTRY = "industry";
    /** PRC_JOINT_STOCK when the issuer is a PRC joint-stock company, else OFFSHORE. */
    public static final String ISSUER_TYPE = "issuerType";
    /** ISO country code of the main place of business. */
    public static final String MAIN_PLACE_OF_BUSINESS = "mainPlaceOfBusiness";
    public static final String USES_THIRD_PARTY_CLOUD = "usesThirdPartyCloud";
    /** ISO date of the earliest end of a third-party cloud contract, or null. */
    public static final String EARLIEST_CLOUD_CONTRACT_END = "earliestCloudContractEnd";
    /** ISO date on which the company submitted its overseas listing application, or null until reported. */
    public static final String OVERSEAS_SUBMISSION_DATE = "overseasSubmissionDate";

    // --- screening results (written by the screening, read by gateways and forms) ---------
    public static final String CYBERSECURITY_REVIEW = "cybersecurityReview";
    public static final String INDUSTRY_REGULATOR_GROUP = "industryRegulatorGroup";
    public static final String INDUSTRY_REGULATOR_NAME = "industryRegulatorName";
    public static final String PI_EXPORT_ROUTE = "piExportRoute";
    public static final String NEGATIVE_LIST = "negativeList";
    public static final String LISTING_TYPE = "listingType";
    public static final String MIGRATION_EVIDENCE_REQUIRED = "migrationEvidenceRequired";
    public static final String MIGRATION_DEADLINE = "migrationDeadline";
    /** Suffix of the variable that holds a decision's reason, e.g. cybersecurityReviewReason. */
    public static final String REASON_SUFFIX = "Reason";

    // --- decisions staff take in the forms -------------------------------------------------
    public static final String INTAKE_OUTCOME = "intakeOutcome";
    public static final String REVIEW_NEEDED = "reviewNeeded";
    public static final String REVIEW_COMPLEX = "reviewComplex";
    public static final String REVIEW_OUTCOME = "reviewOutcome";
    public static final String INITIAL_OPINION = "initialOpinion";
    public static final String MEMBER_AGENCY = "memberAgency";
    public static final String AGENCY_OPINION = "agencyOpinion";
    /** An agency's reasons as they come back to the office's review, local to the agency's consultation. */
    public static final String AGENCY_REASONS = "agencyReasons";
    public static final String AGENCIES_DISAGREEING = "agenciesDisagreeing";
    public static final String INDUSTRY_OUTCOME = "industryOutcome";
    public static final String FILING_OUTCOME = "filingOutcome";
    public static final String REASONS = "reasons";
    public static final String LATE_FILING = "lateFiling";
    public static final String LATE_LISTING_REPORT = "lateListingReport";
    public static final String LISTING_DATE = "listingDate";

    // --- the company's own reports (company-report) -----------------------------------------
    /** Which date the company owes: OVERSEAS_SUBMISSION or LISTING. */
    public static final String REPORT_KIND = "reportKind";
    /** When the listing report is due: the day the filing lapses. */
    public static final String LISTING_REPORT_DUE = "listingReportDue";

    // --- requests for materials (supplementary-materials) ---------------------------------
    public static final String MATERIALS_REQUEST = "materialsRequest";
    public static final String MATERIALS_ANSWER = "materialsAnswer";
    public static final String REQUESTED_BY = "requestedBy";

    // --- deadlines (see Deadlines) -----------------------------------------------------------
    public static String due(String clock) {
        return clock + "Due";
    }

    public static String remainingWorkingDays(String clock) {
        return clock + "RemainingWd";
    }

    public static String clockStopped(String clock) {
        return clock + "Stopped";
    }

    // --- cybersecurity-review -------------------------------------------------------------
    /** The office's decision on the Art. 8 materials: REVIEW_NEEDED, REVIEW_NOT_NEEDED or MATERIALS_REQUESTED. */
    public static final String MATERIALS_OUTCOME = "materialsOutcome";
    /** The Art. 8 materials the office found in the file (informational ticks in the form). */
    public static final String HAS_REVIEW_DECLARATION = "hasReviewDeclaration";
    public static final String HAS_SECURITY_IMPACT_REPORT = "hasSecurityImpactReport";
    public static final String HAS_IPO_DOCUMENTS = "hasIpoDocuments";
    public static final String HAS_OTHER_MATERIALS = "hasOtherMaterials";
    /** The office's reasons for its initial opinion as a member agency sees them (in the agency's member-agency-opinion). */
    public static final String INITIAL_REVIEW_REASONS = "initialReviewReasons";
    /** One line per member agency that disagreed ("MPS: reasons"), for the special review. */
    public static final String AGENCY_DISAGREEMENTS = "agencyDisagreements";
    /** Working days by which the special review is extended, counted from the day of the extension. */
    public static final String EXTENSION_WORKING_DAYS = "extensionWorkingDays";
    public static final String CLOCK_REVIEW_DECISION = "reviewDecision";
    public static final String CLOCK_INITIAL_REVIEW = "initialReview";
    public static final String CLOCK_AGENCY_OPINIONS = "agencyOpinions";
    public static final String CLOCK_SPECIAL_REVIEW = "specialReview";

    /** The checkbox by which the office asks a member agency for its opinion: consultNdrc, consultMofcom, … */
    public static String consult(String agencyCode) {
        return "consult" + Character.toUpperCase(agencyCode.charAt(0)) + agencyCode.substring(1);
    }

    // --- ex-officio-review -------------------------------------------------------------------
    /** The review office's grounds for opening the review: internal, never shown to the company. */
    public static final String EX_OFFICIO_GROUNDS = "exOfficioGrounds";
    /**
     * The office's decision in the review: a next step (MATERIALS_REQUESTED, CONSULT_AGENCIES) or the
     * conclusion (CLEARED, RECTIFICATION_ORDERED, REFERRED_FOR_PENALTIES).
     */
    public static final String EX_OFFICIO_OPINION = "exOfficioOpinion";
    /** Free text of a measure not on the list. */
    public static final String OTHER_MEASURES = "otherMeasures";
    /** ISO date from which the interim measures apply. */
    public static final String INTERIM_MEASURES_FROM = "interimMeasuresFrom";
    /** ISO date from which the interim measures are lifted. */
    public static final String INTERIM_MEASURES_LIFTED_ON = "interimMeasuresLiftedOn";
    /** Whether interim measures are in force now. */
    public static final String INTERIM_MEASURES_IN_FORCE = "interimMeasuresInForce";
    /** The measures in force, in words (Chinese / English), as the company was told them. */
    public static final String INTERIM_MEASURES_TEXT = "interimMeasuresText";
    /** At a conclusion other than CLEARED: whether the measures end with it (CLEARED always lifts them). */
    public static final String LIFT_INTERIM_MEASURES = "liftInterimMeasures";
    /** The company's statement when it confirms compliance with the interim measures. */
    public static final String COMPLIANCE_STATEMENT = "complianceStatement";
    public static final String CLOCK_INTERIM_MEASURES = "interimMeasures";
    public static final String CLOCK_EX_OFFICIO_REVIEW = "exOfficioReview";
    public static final String CLOCK_COMPLIANCE_CONFIRMATION = "complianceConfirmation";

    // --- csrc-filing, industry-approval, supplementary-materials: decisions and clocks ---
    public static final String COMPLETENESS_OUTCOME = "completenessOutcome";
    public static final String DEPARTMENTS_CONSULTED = "departmentsConsulted";
    public static final String DEPARTMENT_OPINIONS = "departmentOpinions";
    public static final String CLOCK_COMPLETENESS_CHECK = "completenessCheck";
    public static final String CLOCK_FILING_CONCLUSION = "filingConclusion";
    public static final String CLOCK_INDUSTRY_APPROVAL = "industryApproval";
    public static final String CLOCK_MATERIALS_ANSWER = "materialsAnswer";

    // --- data-protection-checks ----------------------------------------------------------
    public static final String EXPORT_EVIDENCE_OUTCOME = "exportEvidenceOutcome";
    public static final String MIGRATION_EVIDENCE_OUTCOME = "migrationEvidenceOutcome";
    public static final String SELF_ASSESSMENT_OUTCOME = "selfAssessmentOutcome";
}
