package cn.ola.browser;

import static cn.ola.support.Browser.literal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.ola.support.Browser;
import cn.ola.support.BrowserLanguage;
import cn.ola.support.Chromium;
import cn.ola.support.DevSystemTest;
import cn.ola.workflow.CaseWorkflow;

/**
 * Regulator staff whose browser asks for Chinese get Camunda's Tasklist, Cockpit, Admin and
 * Welcome in Chinese, dates included; a browser that asks for English gets English. No app
 * shows Camunda's "migrate to Camunda 8" banner, and the page meets the header without a gap
 * where the banner was.
 */
@DevSystemTest
@ExtendWith(Chromium.class)
class WebappsInChineseIT {

    static final String ADMIN = "/camunda/app/admin/default/";
    static final String WELCOME = "/camunda/app/welcome/default/";

    @Autowired
    TaskService tasks;

    @Test
    void aProcessAdministratorReadsCockpitInChinese(@BrowserLanguage("zh-CN") Browser browser) {
        Cockpit cockpit = Cockpit.open(browser.signIn("admin", "demo"));

        assertShows(browser, menuItem("#/processes"), "流程");
        assertShows(browser, menuItem("#/decisions"), "决策");
        assertShows(browser, menuItem("#/tasks"), "人工任务");
        assertThat(texts(browser, By.cssSelector(".dashboard .section-title"))).contains("当前", "已部署");
        assertNoMigrationBanner(browser);

        cockpit.openProcesses();
        browser.waitUntil(d -> d.findElement(By.cssSelector(".section-title")).getText().matches("\\d+ 个流程定义已部署"),
                "the processes list to say in Chinese how many process definitions are deployed");
        cockpit.openProcessDefinition("Overseas listing");
        assertThat(texts(browser, By.cssSelector(".nav-tabs a")))
                .contains("流程实例", "故障", "被调用的流程定义", "作业定义");
        browser.waitFor(By.xpath("//dt[normalize-space()=" + literal("定义键：") + "]"));
        assertNoMigrationBanner(browser);
        browser.screenshot("cockpit-zh");
    }

    @Test
    void aProcessAdministratorReadsAdminAndTheWelcomePageInChinese(@BrowserLanguage("zh-CN") Browser browser) {
        browser.signIn("admin", "demo").open(ADMIN);

        assertShows(browser, menuItem("#/users"), "用户");
        assertShows(browser, menuItem("#/groups"), "组");
        assertShows(browser, menuItem("#/tenants"), "租户");
        assertShows(browser, menuItem("#/authorization"), "授权");
        assertShows(browser, menuItem("#/system"), "系统");
        browser.waitFor(By.xpath("//a[normalize-space()=" + literal("新建用户") + "]"));
        assertNoMigrationBanner(browser);

        browser.open(WELCOME);
        browser.waitFor(By.xpath("//h3[contains(@class,'section-title')][normalize-space()=" + literal("应用") + "]"));
        assertThat(texts(browser, By.cssSelector(".welcome-page .app-name"))).contains("驾驶舱", "任务列表", "系统管理");
        assertNoMigrationBanner(browser);
    }

    @Test
    void aCsrcOfficerReadsTasklistInChineseDatesIncluded(@BrowserLanguage("zh-CN") Browser browser) {
        Task intake = tasks.createTaskQuery().processDefinitionKey(CaseWorkflow.PROCESS_KEY)
                .taskDefinitionKey("Task_IntakeCheck").taskCandidateGroup("csrc-officer").list().get(0);

        Tasklist tasklist = Tasklist.open(browser.signIn("csrc", "demo"));
        assertShows(browser, By.cssSelector("[cam-widget-header] a.showShortcutHelp"), "键盘快捷键");
        assertShows(browser, By.cssSelector(".sorting-choice .sort-by"), "创建时间");
        assertThat(browser.waitFor(By.cssSelector("input.main-field")).getDomAttribute("placeholder"))
                .isEqualTo("筛选任务");
        assertNoMigrationBanner(browser);

        tasklist.chooseFilter("Tasks of my groups").openTask(intake.getId());
        assertThat(texts(browser, By.cssSelector(".task-details .nav-tabs a"))).containsExactly("表单", "历史", "流程图", "描述");
        assertShows(browser, By.cssSelector("button.claim"), "认领");
        // Relative dates come from zh.json's date formats, e.g. "到期 8 天后, 创建时间 3 分钟前"; the first row of
        // the list may be a task another test left overdue ("到期 2 天前").
        String dates = browser.waitFor(By.cssSelector("li.task .dates")).getText();
        assertThat(dates).containsPattern("到期 .+[前后]").containsPattern("创建时间 .+前").doesNotContain("ago")
                .doesNotContain("Due");

        // The keyboard shortcuts come from our config.js, described in the page's language.
        browser.click(By.cssSelector("a.showShortcutHelp"));
        browser.waitFor(By.xpath("//td[normalize-space()=" + literal("认领当前选中的任务") + "]"));
        browser.screenshot("tasklist-zh", 1400, 1000);
    }

    @Test
    void anEnglishBrowserGetsCockpitInEnglish(Browser browser) {
        Cockpit.open(browser.signIn("admin", "demo"));

        assertShows(browser, menuItem("#/processes"), "Processes");
        assertShows(browser, menuItem("#/decisions"), "Decisions");
        assertShows(browser, menuItem("#/tasks"), "Human Tasks");
        assertThat(texts(browser, By.cssSelector(".dashboard .section-title"))).contains("Right Now", "Deployed");
        assertNoMigrationBanner(browser);
    }

    private static By menuItem(String hrefStart) {
        return By.cssSelector("[cam-widget-header] a[href^=" + literal(hrefStart) + "]");
    }

    private static void assertShows(Browser browser, By locator, String text) {
        assertThat(browser.becomes(locator, text)).as(locator + " shows " + text).isTrue();
    }

    /** The texts of the elements, once there are some (they appear when Camunda has loaded its translations). */
    private static List<String> texts(Browser browser, By locator) {
        return browser.waitUntil(d -> {
            List<String> texts = d.findElements(locator).stream().map(WebElement::getText).map(String::strip)
                    .filter(text -> !text.isEmpty()).toList();
            return texts.isEmpty() ? null : texts;
        }, "texts of " + locator);
    }

    /**
     * Camunda's "It is time to migrate to Camunda 8" banner is hidden, and the page starts right
     * below the header (the webjar's styles leave 20px for the banner).
     */
    private static void assertNoMigrationBanner(Browser browser) {
        assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                .as("the migration banner").noneMatch(WebElement::isDisplayed);
        assertThat(browser.driver().findElements(By.cssSelector("a[href*='migrating-from-camunda-7']")))
                .as("the banner's link to the migration guide").noneMatch(WebElement::isDisplayed);
        Number gap = (Number) ((JavascriptExecutor) browser.driver()).executeScript("""
                const header = document.querySelector('[cam-widget-header]').getBoundingClientRect();
                const page = [...document.querySelectorAll('.ctn-main, .page-wrap, .welcome-page')]
                    .find(element => element.offsetParent !== null);
                return page.getBoundingClientRect().top - header.bottom;""");
        assertThat(gap.doubleValue()).as("space between the header and the page").isBetween(-1.0, 1.0);
    }
}
