package cn.ola.workflow;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.ola.filing.Exchanges;
import cn.ola.filing.Reasons;

/**
 * What the staff forms in Tasklist show in words: a Camunda Form can only show a variable as it is,
 * and the screening's reasons are kept as message keys with their arguments (so that each page words
 * them in its reader's language), the exchange as its code. When the case has been screened, this
 * sets beside each reason {@code <reason>Text} and beside the exchange {@code venueExchangeText}, in
 * Chinese and English as every label of the forms: {@code ${staffFormTexts.screened(execution)}}.
 */
@Component("staffFormTexts")
public class StaffFormTexts {

    static final String TEXT_SUFFIX = "Text";
    static final String SEPARATOR = " / ";
    static final String PARAGRAPHS = "\n\n";

    private final MessageSource messages;

    StaffFormTexts(MessageSource messages) {
        this.messages = messages;
    }

    public void screened(DelegateExecution execution) {
        execution.setVariables(textsFor(execution.getVariables()));
    }

    /** The texts for the forms of the values a process holds: each reason's and the exchange's, where held. */
    Map<String, Object> textsFor(Map<String, Object> held) {
        Map<String, Object> texts = new HashMap<>();
        for (ScreeningDecision decision : ScreeningDecision.values()) {
            Object reason = held.get(decision.reasonVariable());
            if (reason != null) {
                texts.put(decision.reasonVariable() + TEXT_SUFFIX, reason(reason.toString()));
            }
        }
        Object exchange = held.get(ProcessVariables.VENUE_EXCHANGE);
        if (exchange != null) {
            Object typed = held.get(ProcessVariables.VENUE_EXCHANGE_NAME);
            texts.put(ProcessVariables.VENUE_EXCHANGE + TEXT_SUFFIX, exchange(exchange.toString(),
                    typed == null ? null : typed.toString()));
        }
        return texts;
    }

    /** A reason in Chinese, then in English: long sentences, each its own paragraph. */
    String reason(String stored) {
        String chinese = Reasons.render(stored, messages, Locale.SIMPLIFIED_CHINESE);
        String english = Reasons.render(stored, messages, Locale.ENGLISH);
        return chinese.equals(english) ? chinese : chinese + PARAGRAPHS + english;
    }

    /** The exchange's name in Chinese and English, or the name the company typed for another exchange. */
    String exchange(String code, String typedName) {
        String chinese = Exchanges.name(code, typedName, messages, Locale.SIMPLIFIED_CHINESE);
        String english = Exchanges.name(code, typedName, messages, Locale.ENGLISH);
        return chinese.equals(english) ? chinese : chinese + SEPARATOR + english;
    }
}
