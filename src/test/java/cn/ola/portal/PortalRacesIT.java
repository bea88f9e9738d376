package cn.ola.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.ola.filing.ListingFacts;
import cn.ola.applicant.ApplicantCases;
import cn.ola.audit.AuditTrail;
import cn.ola.filing.ApplicationNumber;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.support.Race;
import cn.ola.support.RaceCases;
import cn.ola.workflow.Deadlines;

/**
 * A double click on every form of the company's portal: {@link RaceCases#PAIRS} pairs per form,
 * both posts of a pair sent at the same moment from one signed-in browser with its CSRF token.
 * One does the work, the other comes back to a page that calmly says the step was done already
 * (or the draft changed meanwhile); the case is consistent afterwards and nothing of it is logged
 * as an error. The forms run in the order of a case, each taking the cases the previous one left.
 */
@DevSystemTest
// Hundreds of cases raced: kept out of the shared system, whose Tasklist lists the other tests read.
@Tag("own-system")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalRacesIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicantCases cases;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    HistoryService history;
    @Autowired
    AuditTrail audit;

    private RaceCases prepared;
    private Browserless browser;
    private String csrf;
    private List<Long> drafts = List.of();
    private List<ApplicationNumber> submitted = List.of();
    private List<ApplicationNumber> answered = List.of();

    /** A post's answer: the status, where it redirects, and the page it shows or leads to. */
    record Answer(int status, String location, String page) {

        @Override
        public String toString() {
            return status + " " + location + " " + shown(page);
        }
    }

    @BeforeAll
    void signedInWithDrafts() {
        prepared = new RaceCases(cases, tasks, identity, history, audit);
        browser = new Browserless(port);
        assertThat(browser.login(RaceCases.COMPANY_USER, RaceCases.PASSWORD).statusCode()).isEqualTo(302);
        csrf = Browserless.csrfTokenOf(browser.get("/applications").body());
        drafts = prepared.drafts(RaceCases.PAIRS);
    }

    @Test
    @Order(1)
    void aDraftPageSavedTwiceAtOnceKeepsOneOfTheTwo() {
        Map<Long, List<Answer>> answers = race(drafts, id -> List.of(
                () -> post("/applications/drafts/" + id + "/listing", saveListing("first")),
                () -> post("/applications/drafts/" + id + "/listing", saveListing("second"))));

        Race.expectOneWinnerEach(answers, answer -> answer.status() == 302,
                loser -> loser.status() == 409 && loser.page().contains("id=\"conflict\""));
        answers.forEach((id, pair) -> {
            var draft = cases.application(RaceCases.COMPANY_USER, id);
            String winner = pair.get(0).status() == 302 ? "first" : "second";
            assertThat(draft.version()).as("version of draft %d", id).isEqualTo(1);
            assertThat(draft.facts().get(ListingFacts.OFFSHORE_ISSUER)).as("draft %d", id).endsWith("(" + winner + ")");
        });
    }

    @Test
    @Order(2)
    void aDraftSubmittedTwiceAtOnceIsSubmittedOnce() {
        Map<Long, List<Answer>> answers = race(drafts, id -> List.of(
                () -> post("/applications/drafts/" + id + "/submit", Map.of()),
                () -> post("/applications/drafts/" + id + "/submit", Map.of())));

        // Both come back to the confirmation; only the second click's says it was submitted already.
        Race.expectOneWinnerEach(followed(answers), answer -> answer.status() == 302 && !answer.page().contains("id=\"note\""),
                loser -> loser.status() == 302 && loser.page().contains("has already been submitted"));
        List<ApplicationNumber> numbers = new ArrayList<>();
        for (long id : answers.keySet()) {
            ApplicationNumber number = cases.application(RaceCases.COMPANY_USER, id).number();
            assertThat(prepared.started(number)).as("cases started for %s", number).isEqualTo(1);
            assertThat(prepared.auditEntries(id, "SUBMITTED")).as("SUBMITTED entries of %s", number).isEqualTo(1);
            numbers.add(number);
        }
        submitted = numbers;
    }

    @Test
    @Order(3)
    void materialsSentTwiceAtOnceAnswerTheRequestOnce() {
        List<ApplicationNumber> asked = prepared.askForCorrections(submitted);

        Map<ApplicationNumber, List<Answer>> answers = race(asked, number -> {
            String action = "/applications/" + number + "/materials/" + prepared.openTask(number, "Task_SupplyMaterials").getId()
                    + "?_csrf=" + csrf;
            return List.of(() -> postMultipart(action, Map.of("answer", "The signed opinion follows (first).")),
                    () -> postMultipart(action, Map.of("answer", "The signed opinion follows (second).")));
        });

        expectOneDoneOneToldCalmly(answers, "Your answer has been sent to the regulator.");
        answers.keySet().forEach(number -> {
            assertThat(prepared.auditEntries(prepared.applicationId(number), "MATERIALS_SUPPLIED"))
                    .as("answers recorded for %s", number).isEqualTo(1);
            assertThat(prepared.endedTasks(number, "Task_SupplyMaterials")).as("requests of %s", number).isEqualTo(1);
            assertThat(prepared.openTasks(number, "Task_IntakeCheck")).as("intake checks of %s", number).isEqualTo(1);
        });
        answered = List.copyOf(answers.keySet());
    }

    @Test
    @Order(4)
    void theOverseasDateReportedTwiceAtOnceIsRecordedOnce() {
        List<ApplicationNumber> waiting = prepared.passChecks(answered);
        String today = LocalDate.now(Deadlines.BEIJING).toString();

        Map<ApplicationNumber, List<Answer>> answers = race(waiting, number -> List.of(
                () -> post("/applications/" + number + "/overseas-submission", Map.of("date", today)),
                () -> post("/applications/" + number + "/overseas-submission", Map.of("date", today))));

        expectOneDoneOneToldCalmly(answers, "The date of your overseas application has been reported.");
        answers.keySet().forEach(number -> {
            assertThat(prepared.auditEntries(prepared.applicationId(number), "OVERSEAS_SUBMISSION_REPORTED"))
                    .as("reports of %s", number).isEqualTo(1);
            assertThat(prepared.endedTasks(number, "Task_ReportOverseasSubmission")).as("%s", number).isEqualTo(1);
            assertThat(prepared.openTasks(number, "Task_CompletenessCheck")).as("%s", number).isEqualTo(1);
        });
        answered = List.copyOf(answers.keySet());
    }

    @Test
    @Order(5)
    void theListingReportedTwiceAtOnceEndsTheCaseOnce() {
        List<ApplicationNumber> waiting = prepared.issueFilingNotice(answered);
        String today = LocalDate.now(Deadlines.BEIJING).toString();

        Map<ApplicationNumber, List<Answer>> answers = race(waiting, number -> List.of(
                () -> post("/applications/" + number + "/listing", Map.of("date", today)),
                () -> post("/applications/" + number + "/listing", Map.of("date", today))));

        expectOneDoneOneToldCalmly(answers, "The listing has been reported.");
        answers.keySet().forEach(number -> {
            assertThat(prepared.auditEntries(prepared.applicationId(number), "LISTING_REPORTED"))
                    .as("reports of %s", number).isEqualTo(1);
            assertThat(prepared.passed(number, "End_Listed")).as("listed ends of %s", number).isEqualTo(1);
            assertThat(cases.application(RaceCases.COMPANY_USER, number).status()).isEqualTo("LISTED");
        });
    }

    @Test
    @Order(6)
    void aCaseWithdrawnTwiceAtOnceIsWithdrawnOnce() {
        List<ApplicationNumber> running = prepared.submitted(RaceCases.PAIRS);

        Map<ApplicationNumber, List<Answer>> answers = race(running, number -> List.of(
                () -> post("/applications/" + number + "/withdraw", Map.of("reason", "The listing is postponed (first).")),
                () -> post("/applications/" + number + "/withdraw", Map.of("reason", "The listing is postponed (second)."))));

        expectOneDoneOneToldCalmly(answers, "The application has been withdrawn.");
        answers.keySet().forEach(number -> {
            assertThat(prepared.auditEntries(prepared.applicationId(number), "WITHDRAWAL_REQUESTED"))
                    .as("withdrawals of %s", number).isEqualTo(1);
            assertThat(prepared.passed(number, "End_Withdrawn")).as("withdrawn ends of %s", number).isEqualTo(1);
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number.toString()).count()).isZero();
            assertThat(cases.application(RaceCases.COMPANY_USER, number).status()).isEqualTo("WITHDRAWN");
        });
    }

    private <K> Map<K, List<Answer>> race(List<K> subjects, Function<K, List<Callable<Answer>>> pairOf) {
        assertThat(subjects).as("cases left by the previous form").hasSize(RaceCases.PAIRS);
        return Race.eachPair(subjects, pairOf);
    }

    /**
     * Both posts of an action come back to the case page: one says it was done, the other that the
     * case had moved on (or changed at the same moment), as a notice rather than an error.
     */
    private <K> void expectOneDoneOneToldCalmly(Map<K, List<Answer>> answers, String done) {
        Race.expectOneWinnerEach(followed(answers),
                answer -> answer.status() == 302 && answer.page().contains(done),
                loser -> loser.status() == 302 && (loser.page().contains("id=\"flash-not-waiting\"")
                        || loser.page().contains("id=\"flash-changed-meanwhile\"")) && !loser.page().contains(done));
    }

    /** The pages the redirects lead to, each read once: that is where the flash message of each post shows. */
    private <K> Map<K, List<Answer>> followed(Map<K, List<Answer>> answers) {
        Map<K, List<Answer>> pages = new java.util.LinkedHashMap<>();
        answers.forEach((subject, pair) -> pages.put(subject, pair.stream()
                .map(a -> a.location() == null ? a : new Answer(a.status(), a.location(), browser.get(a.location()).body()))
                .toList()));
        return pages;
    }

    private Map<String, String> saveListing(String which) {
        return Map.of("version", "0", "action", "save", "offshoreIssuer", "Example Data Holdings Ltd. (" + which + ")");
    }

    private Answer post(String action, Map<String, String> fields) {
        var all = new java.util.HashMap<>(fields);
        all.put("_csrf", csrf);
        return answer(browser.postFormWithoutToken(action, all));
    }

    private Answer postMultipart(String action, Map<String, String> fields) {
        return answer(browser.postMultipart(action, fields));
    }

    private Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.headers().firstValue("Location")
                .map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(null), response.body());
    }

    /** The messages a page shows at its top, for reports of unexpected outcomes. */
    private static String shown(String page) {
        var notices = new ArrayList<String>();
        var matcher = java.util.regex.Pattern.compile("<p class=\"(?:notice|error)\"[^>]*>([^<]*)</p>").matcher(page);
        while (matcher.find() && notices.size() < 3) {
            notices.add(matcher.group(1).strip());
        }
        return notices.isEmpty() ? "(" + page.length() + " characters)" : notices.toString();
    }
}
