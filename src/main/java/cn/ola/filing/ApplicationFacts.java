package cn.ola.filing;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a company files about its listing (DESIGN §5), as the screening decisions and staff forms read it:
 * the answers to the questions of the form sections ({@link FactSection#all()}), each read with its
 * {@link Fact}. Any answer may be missing while the application is a draft. Immutable.
 */
public final class ApplicationFacts {

    /** Nothing answered yet. */
    public static final ApplicationFacts NONE = new ApplicationFacts(Map.of());

    private final Map<Fact<?>, Object> answers;

    private ApplicationFacts(Map<Fact<?>, Object> answers) {
        this.answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /**
     * The start of an application for a listing on another market, from the facts of the listed case: the
     * company, its data and its business as filed then; the new market; the listed one as the earlier listing.
     * What belongs to one listing only (kind of offering, dates) and the declarations, which speak for the
     * day they are made, are left for the company to fill in.
     */
    public ApplicationFacts onAnotherMarket(String exchange, String region, LocalDate listedOn) {
        ApplicationFacts started = with(ListingFacts.VENUE_EXCHANGE, exchange).with(ListingFacts.VENUE_REGION, region)
                .with(ListingFacts.VENUE_EXCHANGE_NAME, null).with(ListingFacts.OFFERING_TYPE, null)
                .with(ListingFacts.PLANNED_LISTING_DATE, null).with(ListingFacts.OVERSEAS_SUBMISSION_DATE, null)
                .with(BusinessFacts.PREVIOUSLY_LISTED_ABROAD_ON, listedOn)
                .with(BusinessFacts.PREVIOUSLY_LISTED_EXCHANGE, get(ListingFacts.VENUE_EXCHANGE));
        for (Fact<?> declaration : Declarations.SECTION.facts()) {
            started = started.withValue(declaration, null);
        }
        return started;
    }

    /** The answer to the question, or null when it is not answered. */
    public <T> T get(Fact<T> fact) {
        return fact.cast(answers.get(fact));
    }

    /** The answer to the question of this name, or null (for templates, which name questions by their names). */
    public Object answer(String name) {
        Fact<?> fact = FactSection.named(name).orElseThrow(() -> new IllegalArgumentException("No question " + name));
        return answers.get(fact);
    }

    /** These facts with this answer (null: unanswered). */
    public <T> ApplicationFacts with(Fact<T> fact, T value) {
        return withValue(fact, value);
    }

    /**
     * These facts with the answer given as an object of the fact's type (as read generically); null: unanswered.
     * A value of another type is refused ({@link ClassCastException}).
     */
    public ApplicationFacts withValue(Fact<?> fact, Object value) {
        return withValues(Collections.singletonMap(fact, value));
    }

    /**
     * These facts with several answers given at once, each as {@link #withValue} takes it: one copy of the
     * answers, where one call per answer would copy them once per answer (a stored application's facts are read
     * this way every time the application is read).
     */
    public ApplicationFacts withValues(Map<? extends Fact<?>, ?> values) {
        Map<Fact<?>, Object> changed = new LinkedHashMap<>(answers);
        values.forEach((fact, value) -> {
            if (value == null) {
                changed.remove(fact);
            } else {
                changed.put(fact, fact.cast(value));
            }
        });
        return new ApplicationFacts(changed);
    }

    /** Every question of the application with its answer, null where unanswered, in the order of the form. */
    public Map<String, Object> byName() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Fact<?> fact : FactSection.allFacts()) {
            all.put(fact.name(), answers.get(fact));
        }
        return all;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApplicationFacts facts && facts.answers.equals(answers);
    }

    @Override
    public int hashCode() {
        return answers.hashCode();
    }

    @Override
    public String toString() {
        return answers.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "ApplicationFacts[", "]"));
    }
}
