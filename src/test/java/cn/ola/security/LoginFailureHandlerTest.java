package cn.ola.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.security.authentication.LockedException;

/** What the sign-in page says after a refused sign-in, in the page's language. */
class LoginFailureHandlerTest {

    @Test
    void aLongWaitSaysUntilWhenInBeijingTime() {
        Instant until = Instant.parse("2026-03-02T06:35:00Z");
        LoginFailureHandler.Reason reason = LoginFailureHandler.reasonOf(
                new TooManySignInAttemptsException(Duration.ofSeconds(601), until));

        assertThat(page(reason, Locale.SIMPLIFIED_CHINESE)).isEqualTo("登录失败次数过多，请在北京时间 14:35 后重试。");
        assertThat(page(reason, Locale.ENGLISH))
                .isEqualTo("Too many failed sign-in attempts. Please try again after 14:35 (Beijing time).");
    }

    @Test
    void aShortWaitSaysHowManySecondsAndALockWhoLiftsIt() {
        LoginFailureHandler.Reason shortWait = LoginFailureHandler.reasonOf(
                new TooManySignInAttemptsException(Duration.ofSeconds(15), Instant.EPOCH));

        assertThat(page(shortWait, Locale.SIMPLIFIED_CHINESE)).isEqualTo("登录失败次数过多，请在15秒后重试。");
        assertThat(page(LoginFailureHandler.reasonOf(new LockedException("locked")), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("此账户已被管理员锁定，请联系流程管理员解锁。");
    }

    private static String page(LoginFailureHandler.Reason reason, Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages.getMessage(reason.messageKey(), reason.arguments(), locale);
    }
}
