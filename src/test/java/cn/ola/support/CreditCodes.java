package cn.ola.support;

import java.util.concurrent.ThreadLocalRandom;

import cn.ola.company.UnifiedSocialCreditCode;

/** Valid unified social credit codes nobody has registered yet, for tests that register companies. */
public final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private CreditCodes() {
    }

    public static String fresh() {
        var first17 = new StringBuilder("91310000");
        for (int i = 0; i < 9; i++) {
            first17.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        for (char check : ALPHABET.toCharArray()) {
            if (UnifiedSocialCreditCode.isValid(first17.toString() + check)) {
                return first17.toString() + check;
            }
        }
        throw new IllegalStateException("No check character for " + first17);
    }

    /** The same code with a wrong last character; the first 17 still call for the original one. */
    public static String withWrongCheckCharacter(String valid) {
        char right = valid.charAt(17);
        char wrong = ALPHABET.charAt((ALPHABET.indexOf(right) + 1) % ALPHABET.length());
        return valid.substring(0, 17) + wrong;
    }
}
