package cn.ola.demo;

import static cn.ola.support.Html.rows;
import static cn.ola.support.Html.section;
import static cn.ola.support.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;

/**
 * The demo data after the listing as a newcomer finds it on the system {@code ./mvnw spring-boot:run}
 * starts (profile dev): the demo company's ride-hailing platform listed on the NYSE, its material event
 * waiting for the CSRC and the ex-officio review open with its interim measures — on the company's portal,
 * in the CSRC's and the review office's work queues and in what Tasklist lists for them.
 */
@DevSystemTest
class DemoListedCaseIT {

    static final String ISSUER = "Example Mobility Holdings Ltd. (Cayman Islands)";
    static final String COMPANY_ZH = "示例数据科技股份有限公司";
    static final String GROUNDS_EXCERPT = "government and military sites";

    @LocalServerPort
    int port;

    private String number;
    private String listedOn;

    /** The company's list names the listed case by its issuer: the newcomer's way in. */
    @BeforeEach
    void findTheListedDemoCase() {
        Browserless company = signedIn("compliance");
        List<String> listed = rows(company.get("/applications").body(), "application-list").stream()
                .filter(row -> row.contains(ISSUER)).toList();
        assertThat(listed).as("the demo company's listed case, made once").hasSize(1);
        assertThat(listed.get(0)).contains("| Listed |").contains("New York Stock Exchange")
                .as("what runs beside the listed case").contains("After the listing: a material event with the CSRC")
                .contains("After the listing: an ex-officio cybersecurity review")
                .doesNotContain("a subsequent offering");
        Matcher row = Pattern.compile("^(OLA-\\d{4}-\\d{6}) \\| .* \\| (\\d{4}-\\d{2}-\\d{2}) \\| New York Stock Exchange")
                .matcher(listed.get(0));
        assertThat(row.find()).as("number and submission date in " + listed.get(0)).isTrue();
        number = row.group(1);
        // Filed, listed, reported and reviewed on the day the system first started.
        listedOn = row.group(2);
    }

    @Test
    void theCompanySeesItsListedCaseWithTheMaterialEventAndTheOpenReviewAndIsAskedToConfirmTheMeasures() {
        Browserless company = signedIn("compliance");
        String page = company.get("/applications/" + number).body();
        assertThat(text(section(page, "case-status"))).isEqualTo("Listed");

        String events = text(section(page, "material-events"));
        assertThat(events).contains("Investigation or sanction by an overseas regulator").contains("Announced on " + listedOn)
                .contains("Reported; the CSRC has not acknowledged it yet")
                .contains("The U.S. Securities and Exchange Commission has opened an inquiry")
                .doesNotContain("Reported later than 3 working days");

        String review = text(section(page, "ex-officio-review"));
        assertThat(review).contains("on its own initiative").contains("From " + listedOn)
                .contains("Suspend new user registrations").contains("Remove the apps from the app stores")
                .doesNotContain("Suspend transfers of data abroad").contains("The review is under way");
        assertThat(text(section(page, "actions"))).contains("Confirm that you comply with the interim measures");
        // The office's grounds stay with the regulators.
        assertThat(page).doesNotContain(GROUNDS_EXCERPT);
    }

    @Test
    void theCsrcOfficerHasTheMaterialEventToAcknowledge() {
        Browserless csrc = signedIn("csrc");
        assertThat(queue(csrc)).singleElement().asString()
                .startsWith(number + " | " + COMPANY_ZH + " | Acknowledge the material event | After the listing | ")
                .contains("Not taken yet");
        assertThat(tasklist("csrc")).containsExactly("Acknowledge the material event · " + number + " · " + COMPANY_ZH);
    }

    @Test
    void theReviewOfficeHasTheOpenReviewWithItsGrounds() {
        Browserless cro = signedIn("cro");
        assertThat(queue(cro)).singleElement().asString()
                .startsWith(number + " | " + COMPANY_ZH + " | Carry out the ex-officio review | Ex-officio cybersecurity review | ");
        assertThat(tasklist("cro")).containsExactly("Carry out the ex-officio review · " + number + " · " + COMPANY_ZH);

        String caseView = cro.get("/staff/applications/" + number).body();
        assertThat(text(section(caseView, "ex-officio"))).contains("An ex-officio cybersecurity review of this case is open");
        assertThat(text(section(caseView, "timeline-section"))).contains(GROUNDS_EXCERPT)
                .contains("Suspend new user registrations");
    }

    /** The signed-in officer's work-queue rows of the listed case. */
    private List<String> queue(Browserless officer) {
        HttpResponse<String> page = officer.get("/staff/tasks?number=" + number);
        assertThat(page.statusCode()).isEqualTo(200);
        List<String> rows = rows(page.body(), "queue");
        return rows.subList(1, rows.size());
    }

    /** The names of the case's tasks as Tasklist lists them for this user (the engine's REST API, with the user's rights). */
    private List<String> tasklist(String user) {
        HttpResponse<String> answer = new Browserless(port)
                .getWithBasic("/engine-rest/task?processInstanceBusinessKey=" + number, user, "demo");
        assertThat(answer.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try {
            for (JsonNode task : new ObjectMapper().readTree(answer.body())) {
                names.add(task.get("name").asText());
            }
        } catch (IOException unreadable) {
            throw new AssertionError("Tasklist's answer is no JSON: " + answer.body(), unreadable);
        }
        return names;
    }

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless(port, "Accept-Language", "en-GB");
        browser.login(user, "demo");
        return browser;
    }
}
