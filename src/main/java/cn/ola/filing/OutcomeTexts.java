package cn.ola.filing;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An outcome a case's history records (COMPLETE, IN_REVIEW, STANDARD_CONTRACT, a letter's kind, a
 * regulator's group) in the language of the page being rendered, for templates:
 * {@code ${@outcomeTexts.of(e.outcome)}}. An outcome without words (a date) is shown as it is.
 */
@Component("outcomeTexts")
public class OutcomeTexts {

    /** Where the words of each kind of outcome live; the codes of the kinds do not overlap. */
    private static final List<String> PREFIXES = List.of("cases.outcome.", "cases.status.", "cases.result.",
            "letters.kind.", "letters.regulator.", "cases.eventKind.");

    private final MessageSource messages;

    OutcomeTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return outcome;
        }
        for (String prefix : PREFIXES) {
            String words = messages.getMessage(prefix + outcome, null, null, LocaleContextHolder.getLocale());
            if (words != null) {
                return words;
            }
        }
        return outcome;
    }
}
