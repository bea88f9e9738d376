package cn.ola.filing;

import java.util.regex.Pattern;

/** The readable, unique number of a submitted application, e.g. {@code OLA-2026-000123}; also the process business key. */
public record ApplicationNumber(int year, long sequence) {

    private static final Pattern FORMAT = Pattern.compile("OLA-(\\d{4})-(\\d{6,})");

    public ApplicationNumber {
        if (year < 2000 || year > 9999 || sequence < 1) {
            throw new IllegalArgumentException("Not an application number: year " + year + ", sequence " + sequence);
        }
    }

    public static ApplicationNumber parse(String text) {
        var matcher = text == null ? null : FORMAT.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("An application number looks like OLA-2026-000123; '" + text + "' does not.");
        }
        return new ApplicationNumber(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }

    @Override
    public String toString() {
        return String.format("OLA-%04d-%06d", year, sequence);
    }
}
