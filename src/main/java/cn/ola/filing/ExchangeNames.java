package cn.ola.filing;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Exchanges by name in the language of the page being rendered, for templates:
 * {@code ${@exchangeNames.of(facts.venueExchange, facts.venueExchangeName)}}.
 */
@Component("exchangeNames")
public class ExchangeNames {

    private final MessageSource messages;

    ExchangeNames(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String code, String typedName) {
        return Exchanges.name(code, typedName, messages, LocaleContextHolder.getLocale());
    }

    public String of(String code) {
        return of(code, null);
    }
}
