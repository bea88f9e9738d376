package cn.ola.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "91330100716105852F", "91110000MA01ABCD2Q"})
    void acceptsRealCodes(String code) {
        assertThat(UnifiedSocialCreditCode.parse(code).value()).isEqualTo(code);
    }

    @Test
    void acceptsLowerCaseAndBlanksAndNormalisesThem() {
        assertThat(UnifiedSocialCreditCode.parse("  9144030071526726xg ").value()).isEqualTo("9144030071526726XG");
    }

    @Test
    void namesTheExpectedCheckCharacterWhenTheLastOneIsWrong() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("9144030071526726XH"))
                .isInstanceOf(InvalidCreditCodeException.class)
                .hasMessageContaining("check character")
                .hasMessageContaining("'G'");
    }

    @Test
    void catchesASingleMistypedDigit() {
        assertThat(UnifiedSocialCreditCode.isValid("914403001922038226")).isFalse();
    }

    @Test
    void saysHowLongTheCodeIsWhenTheLengthIsWrong() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91440300192203821"))
                .hasMessageContaining("18 characters").hasMessageContaining("17");
    }

    @Test
    void refusesLettersThatCodesNeverUse() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91440300192203821I"))
                .hasMessageContaining("Character 18").hasMessageContaining("'I'");
    }

    @Test
    void requiresAValue() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("  ")).hasMessageContaining("required");
    }

    @Test
    void checkCharacterZeroStandsForAFullCycle() {
        // A code whose weighted sum is a multiple of 31 has the check character '0'.
        String first17 = findPrefixWithCheck('0');
        assertThat(UnifiedSocialCreditCode.parse(first17 + "0").value()).endsWith("0");
    }

    private static String findPrefixWithCheck(char wanted) {
        for (int n = 0; n < 10_000; n++) {
            String prefix = "9111000" + String.format("%010d", n);
            if (UnifiedSocialCreditCode.checkCharacter(prefix) == wanted) {
                return prefix;
            }
        }
        throw new AssertionError("no prefix found");
    }

    @Test
    void codesWithTheSameValueAreEqual() {
        assertThat(UnifiedSocialCreditCode.parse("91110000MA01ABCD2Q")).isEqualTo(UnifiedSocialCreditCode.parse("91110000ma01abcd2q"));
    }

    @Test
    void tellsTheKindOfProblemAndItsDetailsForPagesInOtherLanguages() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("9144030071526726XH"))
                .isInstanceOfSatisfying(InvalidCreditCodeException.class, e -> {
                    assertThat(e.problem()).isEqualTo(InvalidCreditCodeException.Problem.WRONG_CHECK_CHARACTER);
                    assertThat(e.character()).isEqualTo('G');
                });
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91440300192203821"))
                .isInstanceOfSatisfying(InvalidCreditCodeException.class, e -> {
                    assertThat(e.problem()).isEqualTo(InvalidCreditCodeException.Problem.WRONG_LENGTH);
                    assertThat(e.length()).isEqualTo(17);
                });
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("9144030019220382O6"))
                .isInstanceOfSatisfying(InvalidCreditCodeException.class, e -> {
                    assertThat(e.problem()).isEqualTo(InvalidCreditCodeException.Problem.BAD_CHARACTER);
                    assertThat(e.position()).isEqualTo(17);
                    assertThat(e.character()).isEqualTo('O');
                });
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(" "))
                .isInstanceOfSatisfying(InvalidCreditCodeException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidCreditCodeException.Problem.REQUIRED));
    }
}
