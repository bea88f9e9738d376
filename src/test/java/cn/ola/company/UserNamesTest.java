package cn.ola.company;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "wang.fang", "ir_team-2", "9lives"})
    void acceptsLettersDigitsDotsUnderscoresAndHyphens(String name) {
        assertThat(UserNames.valid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", ".wang", "-wang", "wang fang", "王芳", "wang@example.cn", ""})
    void refusesShortNamesOddFirstCharactersAndOtherSigns(String name) {
        assertThat(UserNames.valid(name)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void sixtyFourCharactersAtMost() {
        assertThat(UserNames.valid("a".repeat(64))).isTrue();
        assertThat(UserNames.valid("a".repeat(65))).isFalse();
    }
}
