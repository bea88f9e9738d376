package cn.ola.filing;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reasons in the language of the page being rendered, for templates and representations:
 * {@code ${@reasonTexts.of(s.reason())}}. See {@link Reasons}.
 */
@Component("reasonTexts")
public class ReasonTexts {

    private final MessageSource messages;

    ReasonTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String stored) {
        return Reasons.render(stored, messages, LocaleContextHolder.getLocale());
    }
}
