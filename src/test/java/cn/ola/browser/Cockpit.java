package cn.ola.browser;

import static cn.ola.support.Browser.literal;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.ola.support.Browser;

/**
 * Camunda Cockpit as a process administrator uses it: the processes list, a definition with its
 * diagram and running instances, and one instance showing where it waits. The diagram is
 * bpmn-js's SVG; every BPMN element carries its id as {@code data-element-id}, and Cockpit puts
 * a badge with the number of waiting instances next to an activity.
 */
final class Cockpit {

    static final String PATH = "/camunda/app/cockpit/default/";
    private static final By PROCESSES = By.cssSelector("a[href='#/processes']");
    private static final By INSTANCE_ROWS = By.cssSelector("table.process-instances tbody tr");

    private final Browser browser;

    private Cockpit(Browser browser) {
        this.browser = browser;
    }

    /** Opens Cockpit in a browser that is already signed in at the portal: no second login. */
    static Cockpit open(Browser browser) {
        browser.open(PATH);
        browser.waitFor(PROCESSES);
        return new Cockpit(browser);
    }

    /**
     * Whether the header greets the user by this name. It shows the user id first and the full
     * name once the profile has loaded, so this waits for the name.
     */
    boolean greets(String fullName) {
        return browser.becomes(By.cssSelector("li.account > a"), fullName);
    }

    Cockpit openProcesses() {
        browser.click(PROCESSES);
        browser.waitUntil(d -> d.getCurrentUrl().contains("#/processes"), "the processes list");
        return this;
    }

    /** Opens a process definition from the processes list by its name, and waits for its diagram. */
    Cockpit openProcessDefinition(String name) {
        browser.click(By.xpath("//table//a[normalize-space()=" + literal(name) + "]"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("#/process-definition/"), "the process definition " + name);
        browser.waitFor(By.cssSelector(".djs-container svg"));
        return this;
    }

    /** The diagram's shape of a BPMN element, once bpmn-js has drawn it. */
    WebElement diagramElement(String elementId) {
        return browser.waitFor(By.cssSelector(".djs-container svg [data-element-id=" + literal(elementId) + "]"));
    }

    /** The number of instances Cockpit's badge says wait at an activity. */
    String waitingAt(String activityId) {
        By badge = By.cssSelector(".djs-overlays[data-container-id=" + literal(activityId) + "] .badge.instance-count");
        return browser.waitUntil(d -> {
            List<WebElement> badges = d.findElements(badge);
            return badges.isEmpty() || !badges.get(0).isDisplayed() || badges.get(0).getText().isBlank()
                    ? null : badges.get(0).getText().strip();
        }, "a badge of waiting instances at " + activityId);
    }

    /** The business keys in the definition's list of running instances, once it lists the given one. */
    List<String> listedBusinessKeys(String oneOfThem) {
        browser.waitFor(By.xpath("//table[contains(@class,'process-instances')]//td[contains(@class,'business-key')]"
                + "[normalize-space()=" + literal(oneOfThem) + "]"));
        return browser.driver().findElements(INSTANCE_ROWS).stream()
                .map(row -> row.findElement(By.cssSelector("td.business-key")).getText().strip())
                .toList();
    }

    /** Opens a running instance from the definition's list by its business key, and waits for its diagram. */
    Cockpit openInstance(String businessKey) {
        browser.click(By.xpath("//table[contains(@class,'process-instances')]//tr[td[contains(@class,'business-key')]"
                + "[normalize-space()=" + literal(businessKey) + "]]/td[contains(@class,'instance-id')]//a"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("#/process-instance/"), "the instance " + businessKey);
        browser.waitFor(By.cssSelector(".djs-container svg"));
        return this;
    }

    /** A line of the instance's information panel, e.g. "Business Key". */
    String information(String label) {
        By value = By.xpath("//dt[normalize-space()=" + literal(label + ":") + "]/following-sibling::dd[1]");
        return browser.waitFor(value).getText().strip();
    }
}
