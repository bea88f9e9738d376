package cn.ola.browser;

import static cn.ola.support.Browser.literal;

import java.util.List;
import java.util.Set;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import cn.ola.support.Browser;

/**
 * Camunda Tasklist as a member of staff uses it: filters on the left, the task list in the
 * middle, the task with its Camunda Form on the right. Locators follow what the user reads
 * (filter names, field labels, option labels); tasks are found by the link Tasklist gives each
 * of them ({@code #/?task=<id>}). Our forms label fields and options in Chinese and English
 * ({@code 申请编号 / Application number}): a test names a label whole or by its English part.
 */
final class Tasklist {

    static final String PATH = "/camunda/app/tasklist/default/";
    private static final By FILTERS = By.cssSelector(".task-filter");
    private static final By TASK_LINKS = By.cssSelector("li.task h4.task a");
    private static final By FORM = By.cssSelector(".fjs-container .fjs-form");
    private static final By NOTIFICATION = By.cssSelector(".page-notifications .alert .status");
    private static final By CLAIM = By.cssSelector("button.claim");
    /** The form's Complete button, in English or, for a browser that asks for Chinese, 完成. */
    private static final By COMPLETE = By.xpath(
            "//button[contains(@class,'btn-primary')][normalize-space()='Complete' or normalize-space()='完成']");

    private final Browser browser;

    private Tasklist(Browser browser) {
        this.browser = browser;
    }

    /** Opens Tasklist in a browser that is already signed in at the portal: no second login. */
    static Tasklist open(Browser browser) {
        browser.open(PATH);
        browser.waitFor(FILTERS);
        return new Tasklist(browser);
    }

    /**
     * Whether the header greets the user by this name. It shows the user id first and the full
     * name once the profile has loaded, so this waits for the name.
     */
    boolean greets(String fullName) {
        return browser.becomes(By.cssSelector("li.account > a"), fullName);
    }

    /** Chooses the filter whose name has this in it (our filters are named in Chinese and English). */
    Tasklist chooseFilter(String name) {
        String filter = "//div[contains(@class,'task-filter')][.//h4/a[contains(normalize-space(.), " + literal(name) + ")]]";
        browser.click(By.xpath(filter + "//h4/a"));
        browser.waitUntil(d -> d.findElement(By.xpath(filter)).getDomAttribute("class").contains("active"),
                "the filter " + name + " to be chosen");
        return this;
    }

    /** Waits until the task shows in the list. */
    Tasklist waitForTask(String taskId) {
        browser.waitFor(taskLink(taskId));
        return this;
    }

    /** Waits until the task has left the list (Tasklist refreshes it after a completion). */
    Tasklist waitUntilGone(String taskId) {
        browser.waitUntil(d -> d.findElements(taskLink(taskId)).isEmpty(), "task " + taskId + " to leave the list");
        return this;
    }

    /** The ids of the tasks in the list, once the list shows the given one. */
    List<String> taskIdsListedWith(String taskId) {
        waitForTask(taskId);
        return browser.driver().findElements(TASK_LINKS).stream()
                .map(link -> link.getDomAttribute("href"))
                .map(href -> href.substring(href.indexOf("task=") + "task=".length()))
                .toList();
    }

    /** The id of the task whose name in the list has this in it (an application number, say), once the list shows it. */
    String taskNamed(String text) {
        String href = browser.waitFor(By.xpath("//li[contains(@class,'task')]//h4[contains(@class,'task')]"
                + "/a[contains(normalize-space(.), " + literal(text) + ")]")).getDomAttribute("href");
        return href.substring(href.indexOf("task=") + "task=".length());
    }

    /** The task's name as the list shows it. */
    String nameInList(String taskId) {
        return browser.waitFor(taskLink(taskId)).getText().strip();
    }

    /** What the list says of the task's due date: in words ("Due in 5 days") and, on pointing at them, the date. */
    record Due(String words, String date) {
    }

    Due dueInList(String taskId) {
        By due = By.xpath("//li[contains(@class,'task')][.//h4/a[@href='#/?task=" + taskId + "']]"
                + "//span[contains(@class,'due-date')]");
        return browser.waitUntil(d -> {
            WebElement element = d.findElement(due);
            String date = element.findElement(By.cssSelector("span[uib-tooltip]")).getDomAttribute("uib-tooltip");
            boolean shown = !element.getText().isBlank() && date != null && !date.isBlank();
            return shown ? new Due(element.getText().strip(), date.strip()) : null;
        }, "the due date of task " + taskId + " in the list");
    }

    /** Opens the task and waits until its Camunda Form shows the case's data. */
    Tasklist openTask(String taskId) {
        browser.click(taskLink(taskId));
        browser.waitUntil(d -> d.getCurrentUrl().contains("task=" + taskId), "task " + taskId + " to open");
        browser.waitFor(FORM);
        return this;
    }

    /** Waits until the task a link led to is open with its Camunda Form. */
    Tasklist waitForOpenTask(String taskId) {
        browser.waitUntil(d -> d.getCurrentUrl().contains("task=" + taskId), "task " + taskId + " to open");
        browser.waitFor(FORM);
        return this;
    }

    String taskTitle() {
        return browser.waitFor(By.cssSelector(".names h2.task")).getText().strip();
    }

    Tasklist claim() {
        browser.click(CLAIM);
        browser.waitUntil(d -> d.findElements(CLAIM).isEmpty() && d.findElement(COMPLETE).isEnabled(),
                "the task to be claimed and the Complete button to be enabled");
        browser.waitFor(FORM);
        return this;
    }

    /** The value a field shows, once the form has filled it in from the case's variables (so never empty). */
    String field(String label) {
        By input = fieldInput(label);
        return browser.waitUntil(d -> {
            String value = d.findElement(input).getDomProperty("value");
            return value == null || value.isEmpty() ? null : value;
        }, "the field " + label + " to show a value");
    }

    /** What a read-only choice shows: the words of the option the case holds, once the form has filled it in. */
    String choice(String label) {
        By display = By.xpath(fieldGroup(label) + "//*[contains(@class,'fjs-select-display')]");
        return browser.waitUntil(d -> {
            WebElement shown = d.findElement(display);
            String words = shown.getText().strip();
            return words.isEmpty() || shown.getDomAttribute("class").contains("fjs-select-placeholder") ? null : words;
        }, "the choice " + label + " to show a value");
    }

    /** Whether the form shows the field at all (a form hides sections that are empty for the case). */
    boolean shows(String label) {
        return !browser.driver().findElements(By.xpath(fieldGroup(label))).isEmpty();
    }

    /** Everything the form shows the officer: its texts, labels, the options chosen and the values in its fields. */
    String everythingShown() {
        WebElement form = browser.waitFor(FORM);
        StringBuilder shown = new StringBuilder(form.getText());
        for (WebElement input : form.findElements(By.xpath(".//*[self::input or self::textarea]"))) {
            shown.append('\n').append(input.getDomProperty("value"));
        }
        return shown.toString();
    }

    boolean isEditable(String label) {
        WebElement input = browser.waitFor(fieldInput(label));
        return input.isEnabled() && input.getDomAttribute("readonly") == null;
    }

    /** The target of a link in the form, by its text. */
    String link(String text) {
        return browser.waitFor(By.xpath("//div[contains(@class,'fjs-form')]//a[" + reads("normalize-space()", text) + "]"))
                .getDomProperty("href");
    }

    /** Follows a link in the form as the user would; where it opens a new tab, the browser goes on in that tab. */
    void follow(String linkText) {
        WebDriver driver = browser.driver();
        Set<String> before = driver.getWindowHandles();
        String from = driver.getCurrentUrl();
        browser.click(By.xpath("//div[contains(@class,'fjs-form')]//a[" + reads("normalize-space()", linkText) + "]"));
        browser.waitUntil(d -> d.getWindowHandles().size() > before.size() || !d.getCurrentUrl().equals(from),
                "the link " + linkText + " to open a page");
        driver.getWindowHandles().stream().filter(handle -> !before.contains(handle)).findFirst()
                .ifPresent(opened -> driver.switchTo().window(opened));
    }

    /** Chooses an option of a radio group by the option's label. */
    Tasklist choose(String optionLabel) {
        By option = By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[" + reads("normalize-space(.)", optionLabel)
                + "]");
        browser.click(option);
        browser.waitUntil(d -> d.findElement(option).findElement(By.tagName("input")).isSelected(),
                optionLabel + " to be chosen");
        return this;
    }

    /** Types into a text field or text area of the form, found by its label. */
    Tasklist type(String label, String text) {
        WebElement input = browser.waitFor(fieldInput(label));
        input.clear();
        input.sendKeys(text);
        return this;
    }

    Tasklist complete() {
        browser.click(COMPLETE);
        return this;
    }

    /** The validation error the form shows under a field, once it shows one. */
    String errorOf(String label) {
        return browser.waitFor(By.xpath(fieldGroup(label) + "//*[contains(@class,'fjs-form-field-error')]")).getText().strip();
    }

    /** The notification Tasklist shows at the bottom right, e.g. when a form does not validate. */
    String notification() {
        return browser.waitFor(NOTIFICATION).getText().strip();
    }

    /** Closes the notifications, as a user must: they stay and cover the Complete button. */
    Tasklist dismissNotifications() {
        browser.click(By.cssSelector(".page-notifications .alert button.close:not(.ng-hide)"));
        browser.waitUntil(d -> d.findElements(NOTIFICATION).isEmpty(), "the notifications to close");
        return this;
    }

    private static By taskLink(String taskId) {
        return By.cssSelector("li.task h4.task a[href='#/?task=" + taskId + "']");
    }

    /** The form field whose own label (not an option's) reads {@code label}; required fields add an asterisk. */
    private static String fieldGroup(String label) {
        return "//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')]"
                + "[./label[contains(@class,'fjs-form-field-label')][" + reads("normalize-space(text())", label) + "]]";
    }

    /** An XPath condition: the text is {@code label}, or its English part after the Chinese is. */
    private static String reads(String text, String label) {
        return text + "=" + literal(label) + " or substring-after(" + text + ", ' / ')=" + literal(label);
    }

    private static By fieldInput(String label) {
        return By.xpath("(" + fieldGroup(label) + "//*[self::input or self::textarea])[1]");
    }
}
