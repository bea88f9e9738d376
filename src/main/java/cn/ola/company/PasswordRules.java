package cn.ola.company;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a company user's password must be. The accounts open the portal, the API and the
 * company's tasks, so a password has to resist guessing: long enough, not only letters or only
 * digits, and not the user name dressed up.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;

    /** A rule a password breaks. */
    public enum Violation {
        TOO_SHORT, NO_LETTER, NO_DIGIT, CONTAINS_USER_NAME, CONFIRMATION_DIFFERS
    }

    private PasswordRules() {
    }

    /** Every rule the password breaks, in the order a person would fix them; empty when it is fine. */
    public static List<Violation> check(String userName, String password, String confirmation) {
        String typed = password == null ? "" : password;
        List<Violation> broken = new ArrayList<>();
        if (typed.length() < MIN_LENGTH) {
            broken.add(Violation.TOO_SHORT);
        }
        if (typed.codePoints().noneMatch(Character::isLetter)) {
            broken.add(Violation.NO_LETTER);
        }
        if (typed.codePoints().noneMatch(Character::isDigit)) {
            broken.add(Violation.NO_DIGIT);
        }
        if (userName != null && !userName.isBlank()
                && typed.toLowerCase(Locale.ROOT).contains(userName.strip().toLowerCase(Locale.ROOT))) {
            broken.add(Violation.CONTAINS_USER_NAME);
        }
        if (!typed.equals(confirmation)) {
            broken.add(Violation.CONFIRMATION_DIFFERS);
        }
        return broken;
    }
}
