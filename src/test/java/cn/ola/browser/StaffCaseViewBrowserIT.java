package cn.ola.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.ola.company.Companies;
import cn.ola.filing.ListingApplications;
import cn.ola.support.Browser;
import cn.ola.support.Chromium;
import cn.ola.support.DevSystemTest;
import cn.ola.support.LargePlatform;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.support.StaffTasks;

/** A reviewer opens a case from the staff pages and reads why it was screened as it was, and what happened. */
@DevSystemTest
@ExtendWith(Chromium.class)
class StaffCaseViewBrowserIT {

    @Autowired
    Companies companies;
    @Autowired
    ListingApplications applications;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @Test
    void theCaseViewShowsTheDecisionTraceAndTheTimeline(Browser browser) {
        // A large platform's case, with its intake completed by the CSRC officer.
        String number = LargePlatform.submit(companies, applications, workflow, "E_COMMERCE");
        completeAs("csrc", "csrc-officer", number, "Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));

        browser.signIn("cro", "demo").open("/staff/applications?lang=en");
        browser.waitFor(By.name("q")).sendKeys(number);
        browser.click(By.xpath("//input[@id='q']/ancestor::form//button[@type='submit']"));
        browser.click(By.linkText(number));

        browser.waitFor(By.id("screening"));
        String review = browser.waitFor(By.id("decision-cybersecurity-review-requirement")).getText();
        assertThat(review).contains("Mandatory").contains("Rule that fired: rule 4 of the table").contains("3,200,000")
                .contains("Venue country or region United States").doesNotContain("Rule_Cyber");
        assertThat(browser.driver().findElement(By.id("decision-negative-list")).getText()).contains("No circumstance applies");

        String timeline = browser.waitFor(By.id("timeline-section")).getText();
        assertThat(timeline).contains("csrc").contains("Check the application at intake").contains("Complete")
                .contains("Screening");
        assertThat(browser.driver().findElement(By.id("open-tasks")).getText()).contains("cro-reviewer");
        assertThat(browser.driver().findElement(By.id("deadlines")).getText()).contains("Cybersecurity review");

        // On a screen narrower than the page, the case card keeps a margin from the window's edges, and the
        // header offers the reviewer's places and signing out.
        browser.driver().manage().window().setSize(new Dimension(1100, 900));
        WebElement page = browser.waitFor(By.cssSelector("main.staff"));
        assertThat(page.getRect().getX()).as("the page's distance from the left edge").isGreaterThanOrEqualTo(12);
        assertThat(browser.waitFor(By.id("staff-places")).getText()).contains("My tasks (Tasklist)").contains("All applications")
                .doesNotContain("Cockpit");
        assertThat(browser.driver().findElement(By.cssSelector("#sign-out button")).getText()).isEqualTo("Sign out");
        browser.screenshot("staff-case-view", 1100, 1400);

        // The same case in Chinese: the screening trace reads in words, the rules' ids only as tooltips.
        browser.open("/staff/applications/" + number + "?lang=zh_CN");
        WebElement screening = browser.waitFor(By.id("screening"));
        assertThat(screening.getText()).contains("网络安全审查要求").contains("适用的规则").doesNotContain("Rule_")
                .doesNotContain("MANDATORY");
        browser.driver().manage().window().setSize(new Dimension(1100, 1400));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true)", screening);
        browser.screenshot("staff-case-screening-zh");
    }

    private void completeAs(String user, String group, String number, String taskKey, Map<String, Object> variables) {
        new StaffTasks(tasks, identity).completeAs(user, group, number, taskKey, variables);
    }
}
