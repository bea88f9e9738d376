package cn.ola.api;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicationRules;
import cn.ola.applicant.InvalidApplicationException.FieldProblem;
import cn.ola.filing.Declarations;
import cn.ola.filing.Fact;
import cn.ola.filing.FactSection;

/** What a field problem means for the caller, in a sentence it can show. */
final class FieldMessages {

    private FieldMessages() {
    }

    static String of(FieldProblem problem) {
        String field = problem.field();
        return switch (problem.problem()) {
            case REQUIRED -> "Required" + (Declarations.SECTION.facts().stream().anyMatch(f -> f.name().equals(field))
                    ? ": answer the declaration with true or false." : ".");
            case NEGATIVE -> "Must not be negative.";
            case OUT_OF_RANGE -> kind(field) == Fact.Kind.PERCENT
                    ? "A percentage between 0 and 100 with at most two decimals." : "Out of range.";
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
        List<String> allowed = FactSection.named(field).map(Fact::codes).orElse(List.of());
        if (!allowed.isEmpty()) {
            return "Must be one of " + String.join(", ", new TreeSet<>(allowed)) + ".";
        }
        if (kind(field) == Fact.Kind.REGION) {
            return "A country or region as an ISO 3166 two-letter code, e.g. US, HK, CN.";
        }
        return "Not one of the allowed values.";
    }

    private static Fact.Kind kind(String field) {
        return FactSection.named(field).map(Fact::kind).orElse(null);
    }
}
