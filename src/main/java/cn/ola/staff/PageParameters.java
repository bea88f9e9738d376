package cn.ola.staff;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Query parameters of the staff lists arrive as text and are checked by the page itself, so that a
 * wrong one is named on the page (status 400) and the list shows without it.
 */
final class PageParameters {

    private PageParameters() {
    }

    /** A message about a wrong parameter, worded in the page's language by its template. */
    static DefaultMessageSourceResolvable problem(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {code}, args);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The whole number the text holds, or null. */
    static Integer parseInt(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
