package cn.ola.portal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.ola.filing.BusinessFacts;
import cn.ola.filing.DataFacts;
import cn.ola.filing.Declarations;
import cn.ola.filing.Fact;
import cn.ola.filing.FactSection;
import cn.ola.filing.ListingFacts;
import cn.ola.filing.StateAssets;

/**
 * The pages of the application form, in the order a company fills them in. A page of questions asks those
 * of its {@link FactSection}, so that saving a page changes only those (and the state page the cloud
 * contracts); the company's registered details and the documents have pages of their own.
 */
enum Section {
    COMPANY("company", null),
    LISTING("listing", ListingFacts.SECTION),
    DATA("data", DataFacts.SECTION),
    BUSINESS("business", BusinessFacts.SECTION),
    DECLARATIONS("declarations", Declarations.SECTION),
    STATE("state", StateAssets.SECTION),
    DOCUMENTS("documents", null);

    /** The field of the state page for its rows of third-party cloud contracts. */
    static final String CLOUD_CONTRACTS = "cloudContracts";

    private final String path;
    private final FactSection questions;

    Section(String path, FactSection questions) {
        this.path = path;
        this.questions = questions;
    }

    public String path() {
        return path;
    }

    /** The questions this page asks, in order (none on the company and documents pages). */
    public List<Fact<?>> facts() {
        return questions == null ? List.of() : questions.facts();
    }

    /** Whether the page has the rows of third-party cloud contracts. */
    public boolean hasCloudContracts() {
        return this == STATE;
    }

    /** Whether the question is asked only for an exchange not on the list (shown only while OTHER is chosen). */
    public boolean namesOtherExchange(Fact<?> fact) {
        return questions != null && questions.namesOtherExchange(fact);
    }

    /** The fields this page edits: its questions' names, and {@value #CLOUD_CONTRACTS} on the state page. */
    List<String> fields() {
        List<String> fields = new ArrayList<>(facts().stream().map(Fact::name).toList());
        if (hasCloudContracts()) {
            fields.add(CLOUD_CONTRACTS);
        }
        return fields;
    }

    /** The page after this one; after the last one comes the review. */
    Optional<Section> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    static Optional<Section> of(String path) {
        return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }

    /** The page on which a reported field is filled in ({@code documents.<KIND>}, {@code cloudContracts[i].x} included). */
    static Section holding(String field) {
        if (field.startsWith("documents.")) {
            return DOCUMENTS;
        }
        String name = field.replaceFirst("[\\[.].*$", "");
        return Arrays.stream(values()).filter(s -> s.fields().contains(name)).findFirst().orElse(COMPANY);
    }

    /** The id of the field's input on its page, for links from the error summary. */
    static String anchor(String field) {
        return field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }
}
