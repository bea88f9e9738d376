package cn.ola.staff;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * CSV as RFC 4180 has it and as Excel opens it: UTF-8 with a byte order mark (without it Excel
 * reads Chinese as mojibake), CRLF line ends, and a cell quoted when it holds a comma, a quote,
 * a line break or blanks at either end, quotes inside doubled.
 *
 * <p>Cells that a spreadsheet would take for a formula (starting with {@code = + - @}, a tab or
 * a carriage return) are written with a leading apostrophe: the details of an audit trail come
 * partly from what companies typed, and a regulator's spreadsheet must not run it.
 */
final class Csv {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String LINE_END = "\r\n";

    private final StringBuilder text = new StringBuilder();

    Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append(LINE_END);
        return this;
    }

    Csv row(String... cells) {
        return row(Arrays.asList(cells));
    }

    /** The document as Excel wants it: the byte order mark, then UTF-8. */
    byte[] toBytes() {
        var out = new ByteArrayOutputStream(text.length() * 2 + BOM.length);
        out.writeBytes(BOM);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = looksLikeFormula(value) ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0 || Character.isWhitespace(safe.charAt(0))
                || Character.isWhitespace(safe.charAt(safe.length() - 1));
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean looksLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
