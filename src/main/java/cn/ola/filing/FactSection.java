package cn.ola.filing;

import java.util.List;
import java.util.Optional;

/** A section of the application: the page of the form that asks its questions ({@code path}), and those questions in order. */
public record FactSection(String path, List<Fact<?>> facts) {

    public FactSection {
        facts = List.copyOf(facts);
    }

    /** Whether the question names an exchange not on the list for another question of the section (shown with it). */
    public boolean namesOtherExchange(Fact<?> fact) {
        return facts.stream().anyMatch(f -> fact.equals(f.otherName()));
    }

    /** The sections in the order a company fills them in. */
    public static List<FactSection> all() {
        return List.of(ListingFacts.SECTION, DataFacts.SECTION, BusinessFacts.SECTION, Declarations.SECTION,
                StateAssets.SECTION);
    }

    /** Every question of the application, section after section. */
    public static List<Fact<?>> allFacts() {
        return all().stream().flatMap(section -> section.facts().stream()).toList();
    }

    public static Optional<Fact<?>> named(String name) {
        return allFacts().stream().filter(fact -> fact.name().equals(name)).findFirst();
    }
}
