package cn.ola.company;

import static cn.ola.company.PasswordRules.Violation.CONFIRMATION_DIFFERS;
import static cn.ola.company.PasswordRules.Violation.CONTAINS_USER_NAME;
import static cn.ola.company.PasswordRules.Violation.NO_DIGIT;
import static cn.ola.company.PasswordRules.Violation.NO_LETTER;
import static cn.ola.company.PasswordRules.Violation.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void acceptsTenCharactersWithLettersAndDigits() {
        assertThat(PasswordRules.check("wang.fang", "harbour2026", "harbour2026")).isEmpty();
    }

    @Test
    void nineCharactersAreTooShort() {
        assertThat(PasswordRules.check("wang.fang", "harbour26", "harbour26")).containsExactly(TOO_SHORT);
    }

    @Test
    void needsALetterAndADigit() {
        assertThat(PasswordRules.check("wang.fang", "1234567890", "1234567890")).containsExactly(NO_LETTER);
        assertThat(PasswordRules.check("wang.fang", "harbourside", "harbourside")).containsExactly(NO_DIGIT);
    }

    @Test
    void mustNotContainTheUserNameInAnyCase() {
        assertThat(PasswordRules.check("wang.fang", "WANG.FANG2026", "WANG.FANG2026")).containsExactly(CONTAINS_USER_NAME);
    }

    @Test
    void confirmationMustBeEqual() {
        assertThat(PasswordRules.check("wang.fang", "harbour2026", "harbour2027")).containsExactly(CONFIRMATION_DIFFERS);
    }

    @Test
    void anEmptyPasswordBreaksEveryContentRule() {
        assertThat(PasswordRules.check("wang.fang", null, "")).containsExactly(TOO_SHORT, NO_LETTER, NO_DIGIT);
    }
}
