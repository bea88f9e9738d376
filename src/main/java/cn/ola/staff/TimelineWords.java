package cn.ola.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.ola.filing.OutcomeTexts;
import cn.ola.filing.Reasons;
import cn.ola.workflow.ProcessVariables;

/**
 * A timeline entry in the language of the page being rendered, for templates
 * ({@code ${@timelineWords.step(e)}}): steps, outcomes and what was recorded with them read as words,
 * never as the codes and variables the history keeps. The CSV export keeps the codes.
 */
@Component("timelineWords")
class TimelineWords {

    /** Where the words of a step the audit trail names live: a stage, a screening decision, a case step, a deadline. */
    private static final List<String> STEP_PREFIXES = List.of("staff.stage.", "staff.dmn.decision.", "cases.step.",
            "staff.clock.");
    /** An outcome a member agency records; the rest of the step names the agency. */
    private static final String AGENCY_STEP = NeedToKnow.AGENCY_OPINION_PREFIX;

    private final MessageSource messages;
    private final OutcomeTexts outcomes;

    TimelineWords(MessageSource messages, OutcomeTexts outcomes) {
        this.messages = messages;
        this.outcomes = outcomes;
    }

    public String actor(CaseTimeline.Entry entry) {
        return CaseTimeline.SYSTEM.equals(entry.actor()) ? message("staff.timeline.system") : entry.actor();
    }

    public String step(CaseTimeline.Entry entry) {
        String step = entry.step();
        if (entry.source() == CaseTimeline.Source.ENGINE) {
            String key = (entry.taskId() != null ? "staff.task." : "staff.activity.") + entry.stepId();
            return orElse(entry.stepId() == null ? null : message(key), step);
        }
        if (step == null) {
            return null;
        }
        if (step.startsWith(AGENCY_STEP)) {
            String agency = message("cases.agency." + step.substring(AGENCY_STEP.length()));
            return agency == null ? step : messages.getMessage("staff.timeline.agencyOpinion", new Object[] {agency}, locale());
        }
        for (String prefix : STEP_PREFIXES) {
            String words = message(prefix + step);
            if (words != null) {
                return words;
            }
        }
        return step;
    }

    public String outcome(CaseTimeline.Entry entry) {
        return outcomes.of(entry.outcome());
    }

    public String details(CaseTimeline.Entry entry) {
        if (entry.source() == CaseTimeline.Source.AUDIT) {
            return reasons(entry.details());
        }
        if (entry.taskId() == null) {
            // A timer, message, call or end of a process: the details name the process.
            return orElse(entry.processKey() == null ? null : message("staff.process." + entry.processKey()), entry.details());
        }
        if (entry.recorded().isEmpty()) {
            return null;
        }
        List<String> details = new ArrayList<>();
        for (Map.Entry<String, Object> recorded : entry.recorded().entrySet()) {
            details.add(messages.getMessage("staff.timeline.detail",
                    new Object[] {label(recorded.getKey()), value(recorded.getKey(), recorded.getValue())}, locale()));
        }
        return String.join(message("staff.timeline.detailSeparator"), details);
    }

    private String label(String variable) {
        if (variable.startsWith(CaseTimeline.CONSULT)) {
            return message("staff.timeline.variable." + CaseTimeline.CONSULT);
        }
        return orElse(message("staff.timeline.variable." + variable), variable);
    }

    private String value(String variable, Object value) {
        if (variable.startsWith(CaseTimeline.CONSULT)) {
            String agency = variable.substring(CaseTimeline.CONSULT.length()).toUpperCase(Locale.ROOT);
            return orElse(message("cases.agency." + agency), agency);
        }
        if (value instanceof Boolean yes) {
            return message(yes ? Shown.YES : Shown.NO);
        }
        String text = String.valueOf(value);
        if (ProcessVariables.REASONS.equals(variable)) {
            return reasons(text);
        }
        return CaseTimeline.isOutcome(variable) ? outcomes.of(text) : text;
    }

    private String reasons(String stored) {
        return Reasons.render(stored, messages, locale());
    }

    private String message(String key) {
        return messages.getMessage(key, null, null, locale());
    }

    private static String orElse(String words, String otherwise) {
        return words != null ? words : otherwise;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
