package cn.ola.company;

import java.util.Objects;

/**
 * The 18-character unified social credit code (GB 32100-2015) that identifies a PRC legal
 * entity. Its last character is a checksum over the first seventeen, so most typing errors
 * are caught before a company is registered twice under two spellings of one code.
 */
public final class UnifiedSocialCreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int LENGTH = 18;

    private final String value;

    private UnifiedSocialCreditCode(String value) {
        this.value = value;
    }

    /** Parses a code, accepting lower case and surrounding blanks; throws with a message a person can act on. */
    public static UnifiedSocialCreditCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCreditCodeException("The unified social credit code is required.");
        }
        String code = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.length() != LENGTH) {
            throw new InvalidCreditCodeException(
                    "The unified social credit code has 18 characters; this one has " + code.length() + ".",
                    InvalidCreditCodeException.Problem.WRONG_LENGTH, code.length(), 0, '\0');
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                throw new InvalidCreditCodeException("Character " + (i + 1) + " ('" + code.charAt(i)
                        + "') cannot appear in a unified social credit code (the letters I, O, S, V and Z are never used).",
                        InvalidCreditCodeException.Problem.BAD_CHARACTER, LENGTH, i + 1, code.charAt(i));
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != expected) {
            throw new InvalidCreditCodeException("The check character (the last one) of this unified social credit code is wrong: "
                    + "the first 17 characters call for '" + expected + "'. Please check the code for a typing error.",
                    InvalidCreditCodeException.Problem.WRONG_CHECK_CHARACTER, LENGTH, LENGTH, expected);
        }
        return new UnifiedSocialCreditCode(code);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidCreditCodeException e) {
            return false;
        }
    }

    /** The check character for the first seventeen characters of a code. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < first17.length(); i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnifiedSocialCreditCode code && code.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
