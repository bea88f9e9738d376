package cn.ola.filing;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * A reason as a reader sees it. The screening decisions give their reasons as a message key with
 * arguments, {@code screening.cyber.listingAbroad|3200000|exchange.NYSE}, so that the decision
 * history stays readable and every reader gets the reason in the language of the page. An argument
 * is a number (shown with the grouping of the reader's language), a message key (an exchange, an
 * industry, a phrase: shown in words), a list of keys with a value each, separated by {@code ;}
 * ({@code screening.share.revenue=62;screening.share.profit=55}), or a text shown as given (a date, a
 * name the company typed). A reason without a key (a case screened before reasons had keys, a text
 * a reviewer wrote) is shown as stored.
 */
public final class Reasons {

    /** Separates the key and the arguments of a reason. */
    public static final String SEPARATOR = "|";
    private static final Pattern KEYED = Pattern.compile("screening\\.[A-Za-z.]+(\\|.*)?", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern KEY_ITEMS = Pattern.compile("[a-z][\\w.]*(=[^;]*)?(;[a-z][\\w.]*(=[^;]*)?)*");
    private static final String NOT_GIVEN = "screening.notGiven";
    private static final String LIST_SEPARATOR = "screening.listSeparator";

    private Reasons() {
    }

    /** True when the stored reason has a key, i.e. is rendered rather than shown as stored. */
    public static boolean keyed(String stored) {
        return stored != null && KEYED.matcher(stored).matches();
    }

    /** The reason in the reader's language; a reason without a key, or with a key no bundle knows, as stored. */
    public static String render(String stored, MessageSource messages, Locale locale) {
        if (!keyed(stored)) {
            return stored;
        }
        String[] parts = stored.split(Pattern.quote(SEPARATOR), -1);
        Object[] args = new Object[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            args[i - 1] = argument(parts[i], messages, locale);
        }
        return messages.getMessage(parts[0], args, stored, locale);
    }

    private static String argument(String arg, MessageSource messages, Locale locale) {
        if (arg.isBlank()) {
            return messages.getMessage(NOT_GIVEN, null, "", locale);
        }
        if (NUMBER.matcher(arg).matches()) {
            return NumberFormat.getNumberInstance(locale).format(new BigDecimal(arg));
        }
        if (KEY_ITEMS.matcher(arg).matches()) {
            List<String> items = new ArrayList<>();
            for (String item : arg.split(";")) {
                int equals = item.indexOf('=');
                String key = equals < 0 ? item : item.substring(0, equals);
                Object[] itemArgs = equals < 0 ? null : new Object[] {argument(item.substring(equals + 1), messages, locale)};
                try {
                    items.add(messages.getMessage(key, itemArgs, locale));
                } catch (NoSuchMessageException notAKey) {
                    // A name the company typed that only looks like a key.
                    return arg;
                }
            }
            return String.join(messages.getMessage(LIST_SEPARATOR, null, ", ", locale), items);
        }
        return arg;
    }
}
