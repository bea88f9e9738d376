package cn.ola.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

import cn.ola.applicant.InvalidApplicationException.FieldProblem;
import cn.ola.applicant.InvalidApplicationException.Problem;
import cn.ola.filing.Declarations;
import cn.ola.filing.Fact;
import cn.ola.filing.FactSection;

/**
 * What is wrong with the form, field by field, in the user's language: the message shown next
 * to each field and, in the summary at the top, linked to it.
 */
class FormErrors {

    private static final Pattern CONTRACT_FIELD = Pattern.compile("cloudContracts\\[(\\d+)]\\.(\\w+)");
    /** The longest provider name of a cloud contract row. */
    private static final int MAX_PROVIDER = 200;

    /** One problem as shown: the field's label, the message, and where the field is. */
    record Entry(String field, String label, String message, Section section, String anchor) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final MessageSource messages;
    private final Locale locale;

    FormErrors(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** Text that is not a value of the field's kind (message codes from {@link DraftForm}). */
    FormErrors typed(Map<String, String> codes) {
        codes.forEach((field, code) -> add(field, text(code)));
        return this;
    }

    /** The problems the application rules report. */
    FormErrors problems(List<FieldProblem> problems) {
        for (FieldProblem problem : problems) {
            add(problem.field(), text(messageCode(problem), maxLength(problem.field())));
        }
        return this;
    }

    public boolean any() {
        return !entries.isEmpty();
    }

    public boolean has(String field) {
        return entries.containsKey(field);
    }

    public String message(String field) {
        Entry entry = entries.get(field);
        return entry == null ? null : entry.message();
    }

    public List<Entry> all() {
        return new ArrayList<>(entries.values());
    }

    /** The label of a field as the form shows it (contract fields with their row number). */
    String label(String field) {
        Matcher contract = CONTRACT_FIELD.matcher(field);
        if (contract.matches()) {
            return text("applications.field.cloudContracts." + contract.group(2), Integer.parseInt(contract.group(1)) + 1);
        }
        if (field.startsWith("documents.")) {
            return text("applications.document." + field.substring("documents.".length()));
        }
        return messages.getMessage("applications.field." + field, null, field, locale);
    }

    private void add(String field, String message) {
        entries.putIfAbsent(field, new Entry(field, label(field), message, Section.holding(field), Section.anchor(field)));
    }

    private static String messageCode(FieldProblem problem) {
        String field = problem.field();
        Optional<Fact<?>> fact = FactSection.named(field);
        if (problem.problem() == Problem.OUT_OF_RANGE && fact.map(Fact::kind).orElse(null) == Fact.Kind.PERCENT) {
            return "applications.problem.OUT_OF_RANGE.percent";
        }
        if (problem.problem() == Problem.REQUIRED && fact.isPresent() && Declarations.SECTION.facts().contains(fact.get())) {
            return "applications.problem.REQUIRED.declaration";
        }
        if (problem.problem() == Problem.DOCUMENT_MISSING && problem.because() != null) {
            return "applications.problem.DOCUMENT_MISSING." + problem.because();
        }
        return "applications.problem." + problem.problem().name();
    }

    private static Integer maxLength(String field) {
        if (field.endsWith(".provider")) {
            return MAX_PROVIDER;
        }
        return FactSection.named(field).map(Fact::maxLength).filter(length -> length > 0).orElse(null);
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
