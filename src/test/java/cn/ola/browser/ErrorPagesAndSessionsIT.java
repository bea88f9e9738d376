package cn.ola.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import cn.ola.filing.ListingFacts;
import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.company.CompanyUsers;
import cn.ola.filing.ApplicationFacts;
import cn.ola.support.Browser;
import cn.ola.support.BrowserLanguage;
import cn.ola.support.Chromium;
import cn.ola.support.DevSystemTest;
import cn.ola.support.NewCompanies;

/**
 * The portal's dead ends, in a Chinese browser: an address that does not exist, a page the account
 * may not open, {@code /logout} typed into the address bar, and a form sent after the session was
 * lost, which comes back with what was typed once the person has signed in again.
 */
@DevSystemTest
@ExtendWith(Chromium.class)
class ErrorPagesAndSessionsIT {

    private static final String PASSWORD = "Session2026secure";

    @Autowired
    CompanyUsers companyUsers;
    @Autowired
    ApplicantCases cases;

    @Test
    void anAddressThatDoesNotExistShowsAChinesePageWithAWayBack(@BrowserLanguage("zh-CN") Browser browser) {
        String user = newCompanyUser();
        browser.signOut().signIn(user, PASSWORD).open("/applications-that-do-not-exist");

        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("页面不存在");
        assertThat(browser.driver().findElement(By.id("error-text")).getText()).contains("此地址没有对应的页面");
        assertThat(browser.driver().getPageSource()).doesNotContain("Whitelabel").doesNotContain("Exception");
        assertThat(browser.driver().findElement(By.id("switch-account")).getText()).isEqualTo("使用其他账户登录");
        browser.click(By.id("back-home"));
        assertThat(browser.waitFor(By.cssSelector("p.who")).getText()).contains(user);
    }

    @Test
    void anExpiredPageWithoutASessionLeadsToSigningInInChinese(@BrowserLanguage("zh-CN") Browser browser) {
        browser.signOut().open("/login");
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.waitFor(By.name("username")).sendKeys("nobody");
        browser.driver().findElement(By.name("password")).sendKeys("whatever");
        browser.click(By.cssSelector("form button[type=submit]"));

        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/login?expired"), "the sign-in page again");
        assertThat(browser.waitFor(By.id("session-expired")).getText()).contains("会话已过期");
        assertThat(browser.driver().getPageSource()).doesNotContain("Whitelabel").doesNotContain("Forbidden");
    }

    @Test
    void aPageTheAccountMayNotOpenSaysSoInChinese(@BrowserLanguage("zh-CN") Browser browser) {
        String user = newCompanyUser();
        browser.signOut().signIn(user, PASSWORD).open("/staff/applications");

        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("无权访问");
        assertThat(browser.driver().getPageSource()).doesNotContain("Whitelabel").doesNotContain("Forbidden");
        browser.click(By.id("back-home"));
        assertThat(browser.waitFor(By.cssSelector("p.who")).getText()).contains(user);
    }

    @Test
    void typingLogoutOffersTheSignOutButton(@BrowserLanguage("zh-CN") Browser browser) {
        String user = newCompanyUser();
        browser.signOut().signIn(user, PASSWORD).open("/logout");

        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("退出登录");
        browser.click(By.cssSelector("#logout-form button[type=submit]"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("/login?logout"), "the sign-in page after signing out");
        browser.open("/applications");
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/login"), "signed out: the portal asks to sign in");
    }

    @Test
    void aFormSentAfterTheSessionWasLostComesBackFilledInAfterSigningIn(@BrowserLanguage("zh-CN") Browser browser) {
        String user = newCompanyUser();
        long draft = cases.createDraft(user, new ApplicationDraft(nothing(), List.of())).id();
        browser.signOut().signIn(user, PASSWORD).open("/applications/drafts/" + draft + "/listing");
        new Select(browser.waitFor(By.id("listingType"))).selectByValue("INDIRECT");
        type(browser, "offshoreIssuer", "会话过期控股有限公司 (Cayman)");
        new Select(browser.waitFor(By.id("venueExchange"))).selectByValue("OTHER");
        type(browser, "venueExchangeName", "Euronext Brussels");

        // The session ends while the person types (it timed out, or the server forgot it).
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.click(By.cssSelector("button[name=action][value=save]"));

        browser.waitUntil(d -> d.getCurrentUrl().contains("/login"), "the sign-in page");
        assertThat(browser.waitFor(By.id("session-expired")).getText()).contains("会话已过期");
        WebElement name = browser.waitFor(By.name("username"));
        name.sendKeys(user);
        browser.driver().findElement(By.name("password")).sendKeys(PASSWORD);
        browser.click(By.cssSelector("form button[type=submit]"));

        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/applications/drafts/" + draft + "/listing"), "back at the form");
        assertThat(browser.waitFor(By.id("form-kept")).getText()).contains("尚未保存");
        assertThat(value(browser, "offshoreIssuer")).isEqualTo("会话过期控股有限公司 (Cayman)");
        assertThat(value(browser, "venueExchangeName")).isEqualTo("Euronext Brussels");
        assertThat(new Select(browser.driver().findElement(By.id("listingType"))).getFirstSelectedOption()
                .getDomProperty("value")).isEqualTo("INDIRECT");
        assertThat(cases.application(user, draft).facts().get(ListingFacts.OFFSHORE_ISSUER)).as("nothing is saved behind the person's back")
                .isNull();

        browser.click(By.cssSelector("button[name=action][value=save]"));
        browser.waitUntil(d -> !browser.driver().findElements(By.cssSelector("p.notice[role=status]")).isEmpty(),
                "the draft saved");
        assertThat(cases.application(user, draft).facts().get(ListingFacts.OFFSHORE_ISSUER)).isEqualTo("会话过期控股有限公司 (Cayman)");
        assertThat(cases.application(user, draft).facts().get(ListingFacts.VENUE_EXCHANGE)).isEqualTo("OTHER");
        assertThat(cases.application(user, draft).facts().get(ListingFacts.VENUE_EXCHANGE_NAME)).isEqualTo("Euronext Brussels");
        // Shown once: the next visit shows the draft as saved, without the notice.
        browser.open("/applications/drafts/" + draft + "/listing");
        assertThat(browser.waitFor(By.id("offshoreIssuer")).getDomProperty("value")).isEqualTo("会话过期控股有限公司 (Cayman)");
        assertThat(browser.driver().findElements(By.id("form-kept"))).isEmpty();
    }

    private String newCompanyUser() {
        return NewCompanies.withUser(companyUsers, "session", "会话测试科技股份有限公司", "Session Test Co., Ltd.", PASSWORD);
    }

    private static ApplicationFacts nothing() {
        return ApplicationFacts.NONE;
    }

    private static void type(Browser browser, String id, String text) {
        WebElement input = browser.waitFor(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static String value(Browser browser, String id) {
        return browser.waitFor(By.id(id)).getDomProperty("value");
    }
}
