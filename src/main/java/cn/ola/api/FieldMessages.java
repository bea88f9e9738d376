package cn.ola.api;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicationRules;
import cn.ola.applicant.InvalidApplicationException.FieldProblem;

/** What a field problem means for the caller, in a sentence it can show. */
final class FieldMessages {

    private FieldMessages() {
    }

    static String of(FieldProblem problem) {
        String field = problem.field();
        return switch (problem.problem()) {
            case REQUIRED -> "Required" + (field.startsWith("decl") ? ": answer the declaration with true or false." : ".");
            case NEGATIVE -> "Must not be negative.";
            case OUT_OF_RANGE -> field.endsWith("Pct") ? "A percentage between 0 and 100 with at most two decimals."
                    : "Out of range.";
            case UNKNOWN_VALUE -> unknownValue(field);
            case NOT_OVERSEAS -> "Mainland China (CN) is not an overseas venue; Hong Kong is HK, Macau MO.";
            case NOT_IN_REGION -> "Not an exchange in venueRegion. Exchanges and their regions: "
                    + ApplicationRules.EXCHANGES.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                            .collect(Collectors.joining(", ")) + "; OTHER in any region.";
            case SAME_MARKET -> "The market where the application is listed: a later offering there is a subsequent offering "
                    + "(POST /api/v1/subsequent-offerings), not a new listing abroad.";
            case TOO_LONG -> "answer".equals(field) || "reason".equals(field)
                    ? "At most " + ApplicantCases.MAX_TEXT + " characters." : "Too long.";
            case DOCUMENT_MISSING -> "Upload the " + field.substring(field.indexOf('.') + 1) + " document before submitting"
                    + because(problem.because());
        };
    }

    /** Why the screening calls for a document; the decision table's codes. */
    private static String because(String decision) {
        return switch (decision == null ? "" : decision) {
            case "CYBERSECURITY_REVIEW" -> ": the cybersecurity review applies to this listing (Cybersecurity Review "
                    + "Measures Art. 8).";
            case "PI_EXPORT" -> ": personal information is exported on the security-assessment or standard-contract "
                    + "route, which calls for the protection impact assessment.";
            default -> ".";
        };
    }

    private static String unknownValue(String field) {
        Set<String> allowed = switch (field) {
            case "listingType" -> ApplicationRules.LISTING_TYPES;
            case "issuerType" -> ApplicationRules.ISSUER_TYPES;
            case "offeringType" -> ApplicationRules.OFFERING_TYPES;
            case "stateCloudMigrationStatus" -> ApplicationRules.MIGRATION_STATUSES;
            case "industry" -> Set.copyOf(ApplicationRules.INDUSTRIES);
            case "venueExchange", "previouslyListedExchange" -> ApplicationRules.EXCHANGE_CODES;
            default -> null;
        };
        if (allowed != null) {
            return "Must be one of " + String.join(", ", new TreeSet<>(allowed)) + ".";
        }
        if ("venueRegion".equals(field) || "mainPlaceOfBusiness".equals(field)) {
            return "A country or region as an ISO 3166 two-letter code, e.g. US, HK, CN.";
        }
        return "Not one of the allowed values.";
    }
}
