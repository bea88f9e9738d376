package cn.ola.applicant;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.ola.applicant.InvalidApplicationException.FieldProblem;
import cn.ola.applicant.InvalidApplicationException.Problem;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.BusinessFacts;
import cn.ola.filing.Fact;
import cn.ola.filing.FactSection;
import cn.ola.filing.Exchanges;
import cn.ola.filing.ListingApplications.CloudContract;

/**
 * The one place that says what a well-formed and a complete application is, from what each question
 * ({@link Fact}) says of itself; the portal's form and the API both report these problems field by field. The screening thresholds are not here:
 * they live in the decision tables.
 */
public final class ApplicationRules {

    /** The industries the application knows ({@link BusinessFacts#INDUSTRIES}). */
    public static final List<String> INDUSTRIES = BusinessFacts.INDUSTRIES;
    /** Countries and regions as ISO 3166 alpha-2 codes (US, GB, HK, MO, CN, …). */
    public static final Set<String> REGIONS = Set.of(Locale.getISOCountries());
    /** Mainland China: a place of business, never an overseas venue (Hong Kong is HK, Macau MO). */
    public static final String MAINLAND = "CN";
    /** The exchanges the application knows and their regions ({@link Exchanges}): one list for form, API and decisions. */
    public static final Map<String, String> EXCHANGES = Exchanges.REGIONS;
    public static final Set<String> EXCHANGE_CODES = Exchanges.CODES;
    public static final String OTHER_EXCHANGE = Exchanges.OTHER;
    private static final long MOST_PEOPLE = 10_000_000_000L;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ApplicationRules() {
    }

    /**
     * Problems that keep a draft from being saved: values that cannot be right whatever else is filled in,
     * each checked by what its question ({@link Fact}) says: its codes, its length, its range.
     */
    public static List<FieldProblem> malformed(ApplicationFacts facts, List<CloudContract> contracts) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Fact<?> fact : FactSection.allFacts()) {
            Object value = facts.get(fact);
            String field = fact.name();
            switch (fact.kind()) {
                case TEXT -> length(problems, field, (String) value, fact.maxLength());
                case CODE -> oneOf(problems, field, (String) value, Set.copyOf(fact.codes()));
                case REGION -> {
                    oneOf(problems, field, (String) value, REGIONS);
                    if (fact.mustBeOverseas() && MAINLAND.equals(value)) {
                        problems.add(new FieldProblem(field, Problem.NOT_OVERSEAS));
                    }
                }
                case EXCHANGE -> {
                    oneOf(problems, field, (String) value, EXCHANGE_CODES);
                    if (fact.regionOf() != null) {
                        String exchangeRegion = EXCHANGES.get(value);
                        String region = facts.get(fact.regionOf());
                        if (exchangeRegion != null && !blank(region) && REGIONS.contains(region)
                                && !exchangeRegion.equals(region)) {
                            problems.add(new FieldProblem(field, Problem.NOT_IN_REGION));
                        }
                    }
                }
                case PEOPLE -> people(problems, field, (Long) value);
                case PERCENT -> percentage(problems, field, (BigDecimal) value);
                case YES_NO, DATE -> {
                    // typed as such, nothing more to check
                }
            }
        }
        for (int i = 0; i < contracts.size(); i++) {
            CloudContract contract = contracts.get(i);
            if (blank(contract.provider())) {
                problems.add(new FieldProblem("cloudContracts[" + i + "].provider", Problem.REQUIRED));
            } else {
                length(problems, "cloudContracts[" + i + "].provider", contract.provider(), 200);
            }
            if (contract.endDate() == null) {
                problems.add(new FieldProblem("cloudContracts[" + i + "].endDate", Problem.REQUIRED));
            }
        }
        return problems;
    }

    /** Fields a submission needs besides being well-formed (documents are checked by the caller). */
    public static List<FieldProblem> missing(ApplicationFacts facts) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Fact<?> fact : FactSection.allFacts()) {
            if (fact.requiredIn(facts)) {
                required(problems, fact.name(), facts.get(fact));
            }
        }
        return problems;
    }

    private static void required(List<FieldProblem> problems, String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            problems.add(new FieldProblem(field, Problem.REQUIRED));
        }
    }

    private static void oneOf(List<FieldProblem> problems, String field, String value, Set<String> allowed) {
        if (!blank(value) && !allowed.contains(value)) {
            problems.add(new FieldProblem(field, Problem.UNKNOWN_VALUE));
        }
    }

    private static void length(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, Problem.TOO_LONG));
        }
    }

    private static void people(List<FieldProblem> problems, String field, Long value) {
        if (value != null && value < 0) {
            problems.add(new FieldProblem(field, Problem.NEGATIVE));
        } else if (value != null && value > MOST_PEOPLE) {
            problems.add(new FieldProblem(field, Problem.OUT_OF_RANGE));
        }
    }

    private static void percentage(List<FieldProblem> problems, String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.scale() > 2)) {
            problems.add(new FieldProblem(field, value.signum() < 0 ? Problem.NEGATIVE : Problem.OUT_OF_RANGE));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
