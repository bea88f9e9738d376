package cn.ola.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.PropertyValue;
import org.springframework.beans.PropertyValues;
import org.springframework.validation.DataBinder;

import cn.ola.applicant.ApplicationDraft;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.Fact;
import cn.ola.filing.FactSection;
import cn.ola.filing.ListingApplications.CloudContract;

/**
 * The application form as typed: the text of every question ({@link FactSection#allFacts()}) and the
 * cloud contract rows. Every field is text, so that "abc" in a number field or a date that is not one
 * comes back to the user exactly as typed, next to the message; each is parsed by its question's kind.
 */
class DraftForm {

    /** Empty rows offered for more cloud contracts (there is no script to add rows). */
    static final int EMPTY_CONTRACT_ROWS = 2;

    static final String WHOLE_NUMBER = "applications.error.wholeNumber";
    static final String NUMBER = "applications.error.number";
    static final String DATE = "applications.error.date";
    static final String YES_NO = "applications.error.yesNo";

    /** The text of each question as typed (or as saved), by the question's name. */
    private final Map<String, String> typed = new LinkedHashMap<>();
    private List<ContractRow> contracts = new ArrayList<>();

    /** One third-party cloud contract row of the form. */
    static class ContractRow {
        private String provider;
        private String endDate;

        ContractRow() {
        }

        ContractRow(String provider, String endDate) {
            this.provider = provider;
            this.endDate = endDate;
        }

        boolean blank() {
            return text(provider) == null && text(endDate) == null;
        }

        public String getProvider() {
            return provider;
        }

        public void setProvider(String provider) {
            this.provider = provider;
        }

        public String getEndDate() {
            return endDate;
        }

        public void setEndDate(String endDate) {
            this.endDate = endDate;
        }
    }

    /** What a form parses to: the draft, or the fields whose text is not a value of their kind. */
    record Parsed(ApplicationDraft draft, Map<String, String> errors) {
    }

    static DraftForm of(ApplicationFacts facts, List<CloudContract> cloudContracts) {
        DraftForm form = new DraftForm();
        for (Fact<?> fact : FactSection.allFacts()) {
            form.typed.put(fact.name(), shown(facts.get(fact)));
        }
        for (CloudContract contract : cloudContracts) {
            form.contracts.add(new ContractRow(contract.provider(), string(contract.endDate())));
        }
        return form;
    }

    /**
     * Takes what was posted for the page's questions (a question not posted, such as a yes/no left
     * unanswered, keeps its text) and, on the state page, its contract rows instead of the previous ones.
     */
    void bind(Section page, PropertyValues posted) {
        for (Fact<?> fact : page.facts()) {
            PropertyValue value = posted.getPropertyValue(fact.name());
            if (value != null) {
                typed.put(fact.name(), first(value.getValue()));
            }
        }
        if (page.hasCloudContracts()) {
            contracts = new ArrayList<>();
            DataBinder rows = new DataBinder(this, "form");
            rows.setAllowedFields("contracts*");
            rows.bind(posted);
        }
    }

    private static String first(Object value) {
        if (value instanceof String[] values) {
            return values.length == 0 ? null : values[0];
        }
        return value == null ? null : value.toString();
    }

    /** The text of a question, for the templates. */
    public String value(String field) {
        return typed.get(field);
    }

    /** Drops the contract rows left blank, so that row numbers match the contracts as saved. */
    void dropBlankContractRows() {
        contracts = new ArrayList<>(contracts.stream().filter(row -> row != null && !row.blank()).toList());
    }

    /** The filled-in contract rows followed by empty ones to add more. */
    public List<ContractRow> contractRows() {
        List<ContractRow> rows = new ArrayList<>(contracts.stream().filter(row -> row != null && !row.blank()).toList());
        for (int i = 0; i < EMPTY_CONTRACT_ROWS; i++) {
            rows.add(new ContractRow());
        }
        return rows;
    }

    Parsed parse() {
        Map<String, String> errors = new LinkedHashMap<>();
        Parser p = new Parser(errors);
        ApplicationFacts facts = ApplicationFacts.NONE;
        for (Fact<?> fact : FactSection.allFacts()) {
            String field = fact.name();
            String text = typed.get(field);
            facts = facts.withValue(fact, switch (fact.kind()) {
                case TEXT, CODE, EXCHANGE -> text(text);
                case REGION -> region(text);
                case YES_NO -> p.yesNo(field, text);
                case PEOPLE -> p.whole(field, text);
                case PERCENT -> p.decimal(field, text);
                case DATE -> p.date(field, text);
            });
        }
        List<CloudContract> cloudContracts = new ArrayList<>();
        for (int i = 0; i < contracts.size(); i++) {
            ContractRow row = contracts.get(i);
            cloudContracts.add(new CloudContract(text(row.provider),
                    p.date("cloudContracts[" + i + "].endDate", row.endDate)));
        }
        return new Parsed(new ApplicationDraft(facts, cloudContracts), errors);
    }

    private record Parser(Map<String, String> errors) {

        Long whole(String field, String value) {
            String text = text(value);
            if (text == null) {
                return null;
            }
            try {
                // People write large counts with separators: 1,200,000 or 1 200 000.
                return Long.valueOf(text.replaceAll("[,\\s_，]", ""));
            } catch (NumberFormatException e) {
                errors.put(field, WHOLE_NUMBER);
                return null;
            }
        }

        BigDecimal decimal(String field, String value) {
            String text = text(value);
            if (text == null) {
                return null;
            }
            try {
                return new BigDecimal(text.replaceAll("[%％\\s]", ""));
            } catch (NumberFormatException e) {
                errors.put(field, NUMBER);
                return null;
            }
        }

        LocalDate date(String field, String value) {
            String text = text(value);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                errors.put(field, DATE);
                return null;
            }
        }

        Boolean yesNo(String field, String value) {
            String text = text(value);
            if (text == null) {
                return null;
            }
            if (text.equals("true") || text.equals("false")) {
                return Boolean.valueOf(text);
            }
            errors.put(field, YES_NO);
            return null;
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String region(String value) {
        String text = text(value);
        return text == null ? null : text.toUpperCase(java.util.Locale.ROOT);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /** A saved value as the form shows it: percentages without trailing zeros (92.5, not 92.50). */
    private static String shown(Object value) {
        return value instanceof BigDecimal percent ? percent.stripTrailingZeros().toPlainString() : string(value);
    }

    // Bean accessors of the contract rows, for binding and for the templates.

    public List<ContractRow> getContracts() { return contracts; }
    public void setContracts(List<ContractRow> v) { contracts = v == null ? new ArrayList<>() : v; }
}
