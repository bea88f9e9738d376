package cn.ola.staff;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Date;
import java.util.Locale;

import cn.ola.workflow.Deadlines;

/**
 * A value as staff read it: a message (yes, no, not given; the words of a code such as NYSE) or a
 * text (3,200,000; 2022-02-15). Templates show the message when there is one, else the text: a code
 * without words is shown as it is.
 */
record Shown(String key, String text) {

    static final String YES = "staff.value.yes";
    static final String NO = "staff.value.no";
    static final String NOT_GIVEN = "staff.value.unknown";
    static final String NOTHING = "staff.value.nothing";

    /** A decision's output: there, an empty value is an answer (no regulator, no deadline), not a gap in the file. */
    static Shown ofOutput(Object value, String wordsKey) {
        return value == null ? new Shown(NOTHING, null) : of(value, wordsKey);
    }

    /** A value whose code reads as the words of {@code wordsKey}, if it has some (see {@link CodeWords}). */
    static Shown of(Object value, String wordsKey) {
        return wordsKey != null && value instanceof String code && !code.isBlank() ? new Shown(wordsKey, code) : of(value);
    }

    static Shown of(Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return new Shown(NOT_GIVEN, null);
        }
        if (value instanceof Boolean b) {
            return new Shown(b ? YES : NO, null);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return new Shown(null, NumberFormat.getIntegerInstance(Locale.ENGLISH).format(((Number) value).longValue()));
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal decimal = new BigDecimal(value.toString()).stripTrailingZeros();
            return new Shown(null, decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString());
        }
        if (value instanceof Date date) {
            return new Shown(null, date.toInstant().atZone(Deadlines.BEIJING).toLocalDate().toString());
        }
        return new Shown(null, value.toString());
    }
}
