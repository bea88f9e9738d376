package cn.ola.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One question of the application, defined once in the type of its form section ({@link ListingFacts},
 * {@link DataFacts}, {@link BusinessFacts}, {@link Declarations}, {@link StateAssets}). Its name is the
 * field's name everywhere: in the form, in the API's JSON, in the stored facts, in the message keys
 * ({@code applications.field.<name>}) and, where the case gets it, as the process variable. Its kind says
 * how it is typed, checked, stored and shown; the rest says when it is needed and what the API tells
 * about it. Everything that reads or writes facts (storage, form, API, process variables, checks, review
 * rows) works from these descriptions, so that a new question is one more constant in its section.
 */
public final class Fact<T> {

    /** The kinds of answer a question takes. */
    public enum Kind {
        /** Free text, at most {@link Fact#maxLength()} characters. */
        TEXT(String.class),
        /** One of {@link Fact#codes()}, shown in words ({@code applications.value.<name>.<code>}). */
        CODE(String.class),
        /** A country or region as an ISO 3166 alpha-2 code, shown in words ({@code applications.region.<code>}). */
        REGION(String.class),
        /** An exchange code of {@link Exchanges#CODES}, shown by the exchange's name. */
        EXCHANGE(String.class),
        YES_NO(Boolean.class),
        /** A number of people (whole, not negative, at most ten billion). */
        PEOPLE(Long.class),
        /** A percentage from 0 to 100 with at most two decimals. */
        PERCENT(BigDecimal.class),
        DATE(LocalDate.class);

        private final Class<?> type;

        Kind(Class<?> type) {
            this.type = type;
        }

        public Class<?> type() {
            return type;
        }
    }

    /** What the case does with the answer. */
    private enum InCase {
        /** Nothing: the application keeps it (pages, letters, API). */
        NOT,
        /** Handed to the screening decisions when they run, not kept. */
        SCREENING,
        /** Kept as a process variable. */
        VARIABLE
    }

    private final String name;
    private final Kind kind;
    private final int maxLength;
    private final List<String> codes;
    private final List<String> offered;
    private final Predicate<ApplicationFacts> requiredWhen;
    private final InCase inCase;
    private final boolean overseas;
    private final Fact<String> regionOf;
    private final Fact<String> otherName;
    private final String description;
    private final String example;

    private Fact(String name, Kind kind, int maxLength, List<String> codes, List<String> offered,
            Predicate<ApplicationFacts> requiredWhen, InCase inCase, boolean overseas, Fact<String> regionOf,
            Fact<String> otherName, String description, String example) {
        this.name = Objects.requireNonNull(name);
        this.kind = Objects.requireNonNull(kind);
        this.maxLength = maxLength;
        this.codes = List.copyOf(codes);
        this.offered = List.copyOf(offered);
        this.requiredWhen = requiredWhen;
        this.inCase = Objects.requireNonNull(inCase);
        this.overseas = overseas;
        this.regionOf = regionOf;
        this.otherName = otherName;
        this.description = description;
        this.example = example;
    }

    private static <T> Fact<T> of(String name, Kind kind, int maxLength, List<String> codes) {
        return new Fact<>(name, kind, maxLength, codes, codes, null, InCase.NOT, false, null, null, null, null);
    }

    public static Fact<String> text(String name, int maxLength) {
        return of(name, Kind.TEXT, maxLength, List.of());
    }

    /** A coded answer; the form offers the codes in this order. */
    public static Fact<String> code(String name, List<String> codes) {
        return of(name, Kind.CODE, 0, codes);
    }

    /** A country or region; the form offers these first (any ISO 3166 code is accepted). */
    public static Fact<String> region(String name, List<String> offered) {
        return new Fact<>(name, Kind.REGION, 0, List.of(), offered, null, InCase.NOT, false, null, null, null, null);
    }

    public static Fact<String> exchange(String name) {
        return of(name, Kind.EXCHANGE, 0, List.copyOf(Exchanges.CODES));
    }

    public static Fact<Boolean> yesNo(String name) {
        return of(name, Kind.YES_NO, 0, List.of());
    }

    public static Fact<Long> people(String name) {
        return of(name, Kind.PEOPLE, 0, List.of());
    }

    public static Fact<BigDecimal> percent(String name) {
        return of(name, Kind.PERCENT, 0, List.of());
    }

    public static Fact<LocalDate> date(String name) {
        return of(name, Kind.DATE, 0, List.of());
    }

    /** Needed before the application can be submitted. */
    public Fact<T> required() {
        return requiredWhen(facts -> true);
    }

    /** Needed before submission when the condition holds for the other answers. */
    public Fact<T> requiredWhen(Predicate<ApplicationFacts> condition) {
        return new Fact<>(name, kind, maxLength, codes, offered, condition, inCase, overseas, regionOf, otherName,
                description, example);
    }

    /**
     * Kept by the case as the process variable of the same name: read by the models and the staff forms (and by
     * the screening decisions, if they take it).
     */
    public Fact<T> toProcess() {
        return new Fact<>(name, kind, maxLength, codes, offered, requiredWhen, InCase.VARIABLE, overseas, regionOf,
                otherName, description, example);
    }

    /**
     * Read by the screening decisions only: handed to them, as a transient variable of the same name, each time
     * the case is screened, and not kept by the case.
     */
    public Fact<T> toScreening() {
        return new Fact<>(name, kind, maxLength, codes, offered, requiredWhen, InCase.SCREENING, overseas, regionOf,
                otherName, description, example);
    }

    /** A region where an overseas listing can be: mainland China is none. */
    public Fact<T> overseas() {
        return new Fact<>(name, kind, maxLength, codes, offered, requiredWhen, inCase, true, regionOf, otherName,
                description, example);
    }

    /** An exchange that must lie in the country or region answered to {@code region}. */
    public Fact<T> inRegionOf(Fact<String> region) {
        return new Fact<>(name, kind, maxLength, codes, offered, requiredWhen, inCase, overseas, region, otherName,
                description, example);
    }

    /** An exchange whose {@link Exchanges#OTHER} is named in {@code name} (shown as one answer). */
    public Fact<T> otherNamedIn(Fact<String> name) {
        return new Fact<>(this.name, kind, maxLength, codes, offered, requiredWhen, inCase, overseas, regionOf, name,
                description, example);
    }

    /** What the API's documentation says about the field, and an example value. */
    public Fact<T> describedAs(String description, String example) {
        return new Fact<>(name, kind, maxLength, codes, offered, requiredWhen, inCase, overseas, regionOf, otherName,
                description, example);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    @SuppressWarnings("unchecked")
    public Class<T> type() {
        return (Class<T>) kind.type();
    }

    /** The longest text allowed (TEXT), else 0. */
    public int maxLength() {
        return maxLength;
    }

    /** The allowed codes (CODE, EXCHANGE), else empty: any value of the kind. */
    public List<String> codes() {
        return codes;
    }

    /** The choices the form offers, in order. */
    public List<String> offered() {
        return offered;
    }

    public boolean requiredIn(ApplicationFacts facts) {
        return requiredWhen != null && requiredWhen.test(facts);
    }

    /** Kept by the case as a process variable ({@link #toProcess()}). */
    public boolean toProcessVariable() {
        return inCase == InCase.VARIABLE;
    }

    /** Read by the screening: kept as a process variable or handed over when the case is screened. */
    public boolean toScreeningDecisions() {
        return inCase != InCase.NOT;
    }

    public boolean mustBeOverseas() {
        return overseas;
    }

    /** The region the exchange must lie in, or null. */
    public Fact<String> regionOf() {
        return regionOf;
    }

    /** Where an exchange not on the list is named, or null. */
    public Fact<String> otherName() {
        return otherName;
    }

    public String description() {
        return description;
    }

    public String example() {
        return example;
    }

    /** The value as the engine keeps it: dates as ISO strings, percentages as doubles (no serialised Java objects). */
    public Object processValue(T value) {
        if (value instanceof LocalDate day) {
            return day.toString();
        }
        if (value instanceof BigDecimal number) {
            return number.doubleValue();
        }
        return value;
    }

    /** The value of the kind, or a value of another type refused. */
    public T cast(Object value) {
        return type().cast(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fact<?> fact && fact.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
