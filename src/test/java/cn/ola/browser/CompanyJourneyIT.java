package cn.ola.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import cn.ola.support.Browser;
import cn.ola.support.Chromium;
import cn.ola.support.DevSystemTest;
import cn.ola.support.CreditCodes;

/**
 * A company's whole way through the portal, in a real browser, once in Chinese and once in
 * English: it registers, files an application section by section with its documents, submits
 * and reads what happens next; a CSRC officer asks for corrections in the real Camunda
 * Tasklist; the company answers on its case page; the officer confirms the negative-list hit
 * the company declared; the company sees the outcome with the reasons.
 */
@DevSystemTest
@ExtendWith(Chromium.class)
class CompanyJourneyIT {

    private static final String INTAKE_CHECK = "Task_IntakeCheck";

    @Autowired
    TaskService tasks;
    @Autowired
    MessageSource messages;

    @TempDir
    Path files;

    @Test
    void aCompanyFilesInChineseAndLearnsTheOutcome(Browser browser) throws IOException {
        journey(browser, Locale.SIMPLIFIED_CHINESE, "zh_CN", "示例云计算股份有限公司", "-zh", new Words("请补充董事会关于境外上市的决议。",
                "已附上3月3日的董事会决议。", "该公司涉嫌犯罪正被立案调查（《试行办法》第八条）。", "涉嫌犯罪正被立案调查"));
    }

    @Test
    void aCompanyFilesInEnglishAndLearnsTheOutcome(Browser browser) throws IOException {
        journey(browser, Locale.ENGLISH, "en", "示例云服务股份有限公司", "", new Words(
                "Please add the board resolution approving the overseas listing.", "The board resolution of 3 March is attached.",
                "The company is under investigation for a suspected crime (Trial Measures, Art. 8).",
                "under investigation for a suspected crime"));
    }

    /** What the officer and the company write, in the journey's language: the Chinese pages show it as written. */
    private record Words(String correctionRequest, String correction, String rejection, String rejectionShown) {
    }

    private void journey(Browser browser, Locale locale, String lang, String companyName, String shots, Words words)
            throws IOException {
        String user = "officer" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String code = CreditCodes.fresh();

        // Registration, with one typing error in the credit code first.
        browser.open("/register?lang=" + lang);
        type(browser, "nameZh", companyName);
        type(browser, "nameEn", "Example Cloud Co., Ltd.");
        type(browser, "creditCode", CreditCodes.withWrongCheckCharacter(code));
        type(browser, "contactPerson", "王芳");
        type(browser, "contactEmail", user + "@example.cn");
        type(browser, "contactPhone", "+86 10 5555 0101");
        type(browser, "userName", user);
        type(browser, "lastName", "王");
        type(browser, "firstName", "芳");
        type(browser, "email", user + "@example.cn");
        type(browser, "password", "Filing2026secure");
        type(browser, "passwordConfirmation", "Filing2026secure");
        browser.click(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.waitFor(By.id("creditCode-error")).getText()).contains(String.valueOf(code.charAt(17)));
        assertThat(browser.driver().findElement(By.id("nameZh")).getDomProperty("value")).isEqualTo(companyName);
        browser.screenshot("portal-register" + shots, 1200, 1400);
        type(browser, "creditCode", code);
        type(browser, "password", "Filing2026secure");
        type(browser, "passwordConfirmation", "Filing2026secure");
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("/login"), "the sign-in page after registering");

        // A new application, section by section.
        browser.signIn(user, "Filing2026secure");
        browser.open("/applications");
        browser.click(By.cssSelector("form[action$='/applications/drafts'] button[type=submit]"));
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/applications/drafts/\\d+/\\w+.*"), "a new draft");
        String draft = browser.driver().getCurrentUrl().replaceAll(".*/applications/drafts/(\\d+)/.*", "$1");

        browser.open("/applications/drafts/" + draft + "/listing");
        choose(browser, "listingType", "INDIRECT");
        choose(browser, "issuerType", "OFFSHORE");
        type(browser, "offshoreIssuer", "Example Cloud Holdings Ltd. (Cayman Islands)");
        choose(browser, "venueRegion", "US");
        choose(browser, "venueExchange", "NASDAQ");
        assertThat(browser.driver().findElement(By.id("venueExchangeName")).isDisplayed())
                .as("the name of another exchange is asked only for one").isFalse();
        choose(browser, "offeringType", "IPO");
        date(browser, "plannedListingDate", "2027-09-30");
        saveAndContinue(browser);

        browser.waitFor(By.id("personalInfoUsers"));
        browser.click(By.id("networkPlatformOperator-yes"));
        browser.click(By.id("ciio-no"));
        browser.click(By.id("importantData-no"));
        // A typing slip first: the page says what is wrong and keeps what was typed.
        type(browser, "personalInfoUsers", "-2500000");
        type(browser, "piExportedNonSensitive", "50000");
        type(browser, "piExportedSensitive", "0");
        browser.click(By.id("consentObtained-yes"));
        browser.click(By.id("sensitiveDataMinimised-yes"));
        saveAndContinue(browser);
        assertThat(browser.waitFor(By.id("personalInfoUsers-error")).getText()).isNotBlank();
        assertThat(browser.driver().findElement(By.id("personalInfoUsers")).getDomProperty("value")).isEqualTo("-2500000");
        assertThat(browser.driver().findElement(By.id("piExportedNonSensitive")).getDomProperty("value")).isEqualTo("50000");
        browser.screenshot("portal-field-error" + shots, 1200, 1500);
        type(browser, "personalInfoUsers", "2500000");
        saveAndContinue(browser);

        browser.waitFor(By.id("domesticRevenuePct"));
        choose(browser, "industry", "INTERNET");
        type(browser, "domesticRevenuePct", "96");
        type(browser, "domesticProfitPct", "91.5");
        type(browser, "domesticAssetsPct", "80");
        type(browser, "domesticNetAssetsPct", "78");
        browser.click(By.id("managementMostlyPrc-yes"));
        choose(browser, "mainPlaceOfBusiness", "CN");
        saveAndContinue(browser);

        // The company declares that it is under investigation: a negative-list circumstance.
        browser.waitFor(By.id("declProhibitedByLaw"));
        browser.click(By.id("declProhibitedByLaw-no"));
        browser.click(By.id("declNationalSecurityThreat-no"));
        browser.click(By.id("declRecentCriminalOffence-no"));
        browser.click(By.id("declUnderInvestigation-yes"));
        browser.click(By.id("declOwnershipDispute-no"));
        saveAndContinue(browser);

        browser.waitFor(By.id("stateAssetsSupervisor"));
        saveAndContinue(browser);

        browser.waitFor(By.id("upload-limits"));
        upload(browser, "FILING_REPORT", pdf("备案报告.pdf"));
        upload(browser, "PRC_LEGAL_OPINION", pdf("legal-opinion.pdf"));
        upload(browser, "PROSPECTUS", pdf("prospectus.pdf"));
        // 2.5 million users' data, listing abroad: the documents of the cybersecurity review are required, and the page says why.
        assertThat(browser.driver().findElement(By.cssSelector("section#CYBERSECURITY_REVIEW_DECLARATION")).getText())
                .contains(text("applications.documents.because.CYBERSECURITY_REVIEW", locale));
        upload(browser, "CYBERSECURITY_REVIEW_DECLARATION", pdf("declaration.pdf"));
        upload(browser, "NATIONAL_SECURITY_IMPACT_REPORT", pdf("impact-report.pdf"));
        upload(browser, "IPO_DOCUMENTS", pdf("ipo-documents.pdf"));
        browser.screenshot("portal-documents" + shots, 1200, 1800);

        browser.open("/applications/drafts/" + draft + "/review");
        browser.waitFor(By.id("complete"));
        browser.screenshot("portal-review" + shots, 1200, 2200);
        browser.click(By.cssSelector("form[action$='/submit'] button[type=submit]"));
        String number = browser.waitFor(By.id("application-number")).getText().strip();
        assertThat(number).matches("OLA-\\d{4}-\\d{6}");
        assertThat(browser.driver().findElement(By.id("screening-negative-list")).getText()).isNotBlank();
        browser.screenshot("portal-submitted" + shots, 1200, 1600);

        // The case page: submitted, at the CSRC intake check.
        browser.open("/applications/" + number);
        assertThat(browser.waitFor(By.id("case-status")).getText()).isEqualTo(text("cases.status.SUBMITTED", locale));
        assertThat(browser.driver().findElement(By.id("case-stage")).getText()).isEqualTo(text("cases.stage.INTAKE_CHECK", locale));

        // A CSRC officer asks for corrections in Tasklist.
        browser.signOut();
        String intake = intakeTask(number).getId();
        Tasklist tasklist = Tasklist.open(browser.signIn("csrc", "demo"));
        tasklist.chooseFilter("Tasks of my groups").openTask(intake).claim();
        assertThat(tasklist.field("Application number")).isEqualTo(number);
        tasklist.choose("Fixable: the company corrects the application")
                .type("Reasons", words.correctionRequest())
                .complete()
                .waitUntilGone(intake);

        // The company answers on its case page.
        browser.signOut();
        browser.signIn(user, "Filing2026secure");
        browser.open("/applications/" + number + "?lang=" + lang);
        String request = await().atMost(Duration.ofSeconds(30)).until(() -> supplyTask(number), t -> t != null).getId();
        WebElement answer = browser.waitFor(By.id("answer-" + request));
        assertThat(browser.driver().findElement(By.id("action-" + request)).getText())
                .contains(words.correctionRequest());
        browser.screenshot("portal-case-request" + shots, 1200, 1800);
        answer.sendKeys(words.correction());
        browser.driver().findElement(By.id("file-" + request + "-1")).sendKeys(pdf("board-resolution.pdf").toString());
        browser.click(By.cssSelector("#action-" + request + " button[type=submit]"));
        browser.waitFor(By.id("flash-done"));
        assertThat(browser.driver().findElements(By.id("action-" + request))).as("the answered request").isEmpty();
        assertThat(browser.driver().findElement(By.id("documents")).getText()).contains("board-resolution.pdf");

        // The officer confirms the declared investigation: the application is rejected.
        browser.signOut();
        String secondCheck = await().atMost(Duration.ofSeconds(30)).until(() -> intakeTask(number), t -> t != null).getId();
        tasklist = Tasklist.open(browser.signIn("csrc", "demo"));
        tasklist.chooseFilter("Tasks of my groups").openTask(secondCheck).claim();
        assertThat(tasklist.field("The company's latest correction")).contains(words.correction());
        tasklist.choose("Negative-list hit confirmed: reject")
                .type("Reasons", words.rejection())
                .complete()
                .waitUntilGone(secondCheck);

        // The company sees the outcome and why.
        browser.signOut();
        browser.signIn(user, "Filing2026secure");
        browser.open("/applications/" + number + "?lang=" + lang);
        assertThat(browser.waitFor(By.id("case-status")).getText()).isEqualTo(text("cases.status.REJECTED", locale));
        assertThat(browser.driver().findElement(By.id("timeline")).getText())
                .contains(words.rejectionShown());
        assertThat(browser.driver().findElements(By.id("withdraw-link"))).as("withdrawal of an ended case").isEmpty();
        browser.screenshot("portal-case-outcome" + shots, 1200, 2000);
    }

    private Task intakeTask(String number) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(INTAKE_CHECK).singleResult();
    }

    private Task supplyTask(String number) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_SupplyMaterials")
                .singleResult();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static void type(Browser browser, String id, String text) {
        WebElement input = browser.waitFor(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void choose(Browser browser, String id, String value) {
        new Select(browser.waitFor(By.id(id))).selectByValue(value);
    }

    /** Date inputs take the browser's own date format when typed; a person picks the day, we set it. */
    private static void date(Browser browser, String id, String isoDate) {
        WebElement input = browser.waitFor(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", input, isoDate);
    }

    private static void saveAndContinue(Browser browser) {
        String before = browser.driver().getCurrentUrl();
        WebElement button = browser.waitFor(By.cssSelector("button[name=action][value=continue]"));
        button.click();
        browser.waitUntil(d -> {
            try {
                button.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException navigating) {
                // While the next page replaces the old one, Chromium may answer that the node no longer
                // belongs to the document before it calls it stale: look again.
                return false;
            }
        }, "the next page after " + before);
    }

    private static void upload(Browser browser, String kind, Path file) {
        browser.waitFor(By.id("file-" + kind)).sendKeys(file.toString());
        browser.click(By.cssSelector("section#" + kind + " form.upload button[type=submit]"));
        browser.waitUntil(d -> {
            try {
                return d.findElement(By.id(kind)).getText().contains(file.getFileName().toString());
            } catch (org.openqa.selenium.WebDriverException reloading) {
                // Stale, or not yet part of the reloaded page: look again.
                return false;
            }
        }, "the " + kind + " to show " + file.getFileName());
    }

    private Path pdf(String name) throws IOException {
        return Files.write(files.resolve(name),
                ("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n" + name).getBytes(StandardCharsets.UTF_8));
    }
}
