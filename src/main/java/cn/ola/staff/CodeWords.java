package cn.ola.staff;

import java.util.Map;

import cn.ola.workflow.ProcessVariables;

/**
 * Which words a code reads as, by the variable (or the application's field of that name) that holds
 * it: the region, exchange, industry, issuer or offering type a company filed and the results the
 * screening gave. The words themselves live in
 * the bundles of the pages that ask for them; a value without words is shown as it is.
 */
final class CodeWords {

    static final String REGION = "applications.region.";
    static final String RESULT = "cases.result.";
    static final String REGULATOR = "letters.regulator.";
    static final String OFFERING_TYPE = "offeringType";
    static final String STATE_CLOUD_MIGRATION_STATUS = "stateCloudMigrationStatus";

    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry(ProcessVariables.VENUE_REGION, REGION),
            Map.entry(ProcessVariables.MAIN_PLACE_OF_BUSINESS, REGION),
            Map.entry(ProcessVariables.VENUE_EXCHANGE, "exchange."),
            Map.entry(ProcessVariables.PREVIOUSLY_LISTED_EXCHANGE, "exchange."),
            Map.entry(ProcessVariables.INDUSTRY, "applications.value.industry."),
            Map.entry(ProcessVariables.ISSUER_TYPE, "applications.value.issuerType."),
            Map.entry(ProcessVariables.NEGATIVE_LIST, RESULT),
            Map.entry(ProcessVariables.CYBERSECURITY_REVIEW, RESULT),
            Map.entry(ProcessVariables.PI_EXPORT_ROUTE, RESULT),
            Map.entry(ProcessVariables.LISTING_TYPE, RESULT),
            Map.entry(ProcessVariables.INDUSTRY_REGULATOR_GROUP, REGULATOR),
            // Fields of the application the processes do not read.
            Map.entry(OFFERING_TYPE, "applications.value.offeringType."),
            Map.entry(STATE_CLOUD_MIGRATION_STATUS, "applications.value.stateCloudMigrationStatus."));

    private CodeWords() {
    }

    /** The message that words a code held in this variable, or null when the variable holds no code. */
    static String key(String variable, Object value) {
        String prefix = variable == null ? null : PREFIXES.get(variable);
        return prefix != null && value instanceof String code && !code.isBlank() ? prefix + code : null;
    }
}
