package cn.ola.staff;

import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A {@link Shown} value in the language of the page being rendered, for templates:
 * {@code ${@shownWords.of(i.shown)}}. A country or region the bundles do not name (a company may
 * list anywhere) reads as the name the JDK gives it; any other code without words as it is.
 */
@Component("shownWords")
class ShownWords {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final MessageSource messages;

    ShownWords(MessageSource messages) {
        this.messages = messages;
    }

    /** A code the application or a process holds under this name ({@link CodeWords}), as words; null when there is none. */
    public String code(String name, Object value) {
        return value == null ? null : of(Shown.of(value, CodeWords.key(name, value)));
    }

    public String of(Shown shown) {
        if (shown.key() == null) {
            return shown.text();
        }
        Locale locale = LocaleContextHolder.getLocale();
        String words = messages.getMessage(shown.key(), null, null, locale);
        if (words != null) {
            return words;
        }
        if (shown.key().startsWith(CodeWords.REGION) && COUNTRIES.contains(shown.text())) {
            return new Locale("", shown.text()).getDisplayCountry(locale);
        }
        return shown.text();
    }
}
