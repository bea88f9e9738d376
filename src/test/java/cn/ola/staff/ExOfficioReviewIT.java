package cn.ola.staff;

import static cn.ola.staff.StaffTestCases.section;
import static cn.ola.staff.StaffTestCases.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.ola.company.Companies;
import cn.ola.filing.ListingApplications;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.support.LargePlatform;
import cn.ola.support.StaffTasks;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.ExOfficioReviews;
import cn.ola.workflow.InterimMeasures;
import cn.ola.workflow.MemberAgencies;
import cn.ola.workflow.ProcessVariables;

/**
 * An ex-officio cybersecurity review on the running system: the review office opens it from the
 * staff case view, orders interim measures, consults member agencies (each sees only its own task)
 * and concludes; the company reads the measures without the office's grounds, confirms that it
 * complies, and gets the conclusion and its letter.
 */
@DevSystemTest
class ExOfficioReviewIT {

    static final Duration LETTER_JOB = Duration.ofSeconds(90);
    static final String GROUNDS = "Core data of the platform's users may reach a foreign regulator (source: MPS report 17)";

    @LocalServerPort
    int port;
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
    @Autowired
    RuntimeService runtime;

    @Test
    void theOfficeReviewsACompanyOnItsOwnInitiativeAndTheCompanyCompliesAndReadsTheConclusion() {
        String number = LargePlatform.submit(companies, applications, workflow, "INTERNET");
        String caseView = "/staff/applications/" + number;
        String open = caseView + "/ex-officio-review";
        StaffTasks staff = new StaffTasks(tasks, identity);

        // Only the review office opens a review: the form is not offered to others and the route refuses them.
        Browserless csrc = signedIn("csrc");
        assertThat(csrc.get(caseView).body()).doesNotContain("id=\"ex-officio-form\"");
        assertThat(csrc.postForm(caseView, open, Map.of("grounds", "x")).statusCode()).isEqualTo(403);

        Browserless cro = signedIn("cro");
        HttpResponse<String> missing = cro.postForm(caseView, open, Map.of("grounds", "  "));
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(text(section(missing.body(), "ex-officio-error"))).contains("Please give the grounds");
        assertThat(reviews(number)).isZero();

        HttpResponse<String> opened = cro.postForm(caseView, open, Map.of("grounds", GROUNDS));
        assertThat(opened.statusCode()).isEqualTo(302);
        // A second click is told the review is open already, and opens nothing.
        String token = Browserless.csrfTokenOf(cro.get(caseView).body());
        assertThat(cro.postFormWithoutToken(open, Map.of("grounds", GROUNDS, "_csrf", token)).statusCode()).isEqualTo(302);
        assertThat(cro.get(caseView).body()).contains("An ex-officio cybersecurity review of this case is open already")
                .doesNotContain("id=\"ex-officio-form\"");
        assertThat(reviews(number)).isEqualTo(1);
        // The member agencies' forms show the case as filed and screened: what the case itself holds.
        String caseInstance = runtime.createProcessInstanceQuery().processDefinitionKey(CaseWorkflow.PROCESS_KEY)
                .processInstanceBusinessKey(number).singleResult().getId();
        String reviewInstance = runtime.createProcessInstanceQuery().processDefinitionKey(ExOfficioReviews.PROCESS_KEY)
                .processInstanceBusinessKey(number).singleResult().getId();
        Map<String, Object> caseFacts = runtime.getVariables(caseInstance, ExOfficioReviews.CASE_FACTS);
        assertThat(caseFacts).containsKeys(ProcessVariables.PERSONAL_INFO_USERS, ProcessVariables.VENUE_EXCHANGE,
                ProcessVariables.CYBERSECURITY_REVIEW);
        assertThat(runtime.getVariables(reviewInstance, ExOfficioReviews.CASE_FACTS)).isEqualTo(caseFacts);

        // Tasklist's row names the case.
        Task decide = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_DecideInterimMeasures")
                .singleResult();
        assertThat(decide.getName()).startsWith("Decide on interim measures · " + number + " · ");
        Map<String, Object> measures = new HashMap<>();
        measures.put(InterimMeasures.Measure.SUSPEND_NEW_USER_REGISTRATIONS.variable(), true);
        measures.put(InterimMeasures.Measure.REMOVE_APPS_FROM_STORES.variable(), true);
        measures.put(ProcessVariables.INTERIM_MEASURES_FROM, "2026-07-06");
        measures.put("reviewComplex", false);
        staff.completeAs("cro", "cro-reviewer", number, "Task_DecideInterimMeasures", measures);

        // The company reads the opening and the measures with their date, never the office's grounds, and confirms.
        Browserless company = signedIn("compliance");
        String casePage = "/applications/" + number;
        String review = section(company.get(casePage).body(), "ex-officio-review");
        assertThat(text(review)).contains("on its own initiative").contains("From 2026-07-06")
                .contains("Suspend new user registrations").contains("Remove the apps from the app stores");
        assertThat(company.get(casePage).body()).doesNotContain("MPS report 17").contains("Confirm that you comply");
        assertThat(company.postForm(casePage, casePage + "/compliance", Map.of("statement", " ")).body())
                .contains("Please say what your company did to comply");
        assertThat(company.postForm(casePage, casePage + "/compliance",
                Map.of("statement", "Registrations suspended and apps removed on 6 July")).statusCode()).isEqualTo(302);
        assertThat(text(section(company.get(casePage).body(), "ex-officio-review"))).contains("You confirmed compliance on");

        // Member agencies are consulted as in the normal review: each sees only its own task.
        Map<String, Object> consult = new HashMap<>();
        consult.put(ProcessVariables.EX_OFFICIO_OPINION, "CONSULT_AGENCIES");
        consult.put(ProcessVariables.REASONS, "Please assess the data flows.");
        for (MemberAgencies.Agency agency : MemberAgencies.Agency.values()) {
            consult.put(agency.consultVariable(), agency == MemberAgencies.Agency.NDRC || agency == MemberAgencies.Agency.MIIT);
        }
        staff.completeAs("cro", "cro-reviewer", number, "Task_ExOfficioReview", consult);
        assertThat(visibleTo("ndrc", "review-member-agency-ndrc", number)).extracting(Task::getTaskDefinitionKey)
                .containsExactly("Task_AgencyOpinion");
        assertThat(visibleTo("ndrc", "review-member-agency-ndrc", number).get(0).getName()).contains(number);
        staff.completeAs("ndrc", "review-member-agency-ndrc", number, "Task_AgencyOpinion", Map.of("agencyOpinion", "AGREE"));
        staff.completeAs("miit", "review-member-agency-miit", number, "Task_AgencyOpinion", Map.of("agencyOpinion", "AGREE"));

        Map<String, Object> conclusion = new HashMap<>();
        conclusion.put(ProcessVariables.EX_OFFICIO_OPINION, "RECTIFICATION_ORDERED");
        conclusion.put(ProcessVariables.LIFT_INTERIM_MEASURES, true);
        conclusion.put(ProcessVariables.INTERIM_MEASURES_LIFTED_ON, "2026-07-20");
        conclusion.put(ProcessVariables.REASONS, "Delete the copies of user data held abroad and report within 30 days.");
        staff.completeAs("cro", "cro-reviewer", number, "Task_ExOfficioReview", conclusion);
        await().atMost(LETTER_JOB).until(() -> reviews(number) == 0);

        // The company reads the conclusion with its reasons and downloads the letter; its inbox told it so.
        String concluded = section(company.get(casePage).body(), "ex-officio-review");
        assertThat(text(concluded)).contains("Rectification ordered").contains("Delete the copies of user data held abroad")
                .contains("The interim measures are lifted from 2026-07-20");
        Matcher letter = Pattern.compile("href=\"(/applications/" + number + "/letters/\\d+)\"").matcher(concluded);
        assertThat(letter.find()).as("the letter's link").isTrue();
        HttpResponse<String> pdf = company.get(letter.group(1));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("pdf"));
        assertThat(company.get("/notifications").body()).contains("opened a cybersecurity review of your company")
                .contains("ordered interim measures").contains("rectification is ordered")
                .contains("ex-officio cybersecurity review concerning application " + number + " is ready to download")
                .doesNotContain("MPS report 17").doesNotContain("assess the data flows");

        // Through the API the company reads the same summary of the review, with the letter to download; not the grounds.
        long id = applications.find(cn.ola.filing.ApplicationNumber.parse(number)).orElseThrow().id();
        Browserless api = new Browserless(port);
        HttpResponse<String> caseView2 = api.getWithBasic("/api/v1/applications/" + id + "/case", "compliance", "demo");
        assertThat(caseView2.statusCode()).isEqualTo(200);
        assertThat(caseView2.body()).contains("\"conclusion\":\"RECTIFICATION_ORDERED\"")
                .contains("\"measuresInForce\":false").contains("Delete the copies of user data held abroad")
                .contains("\"complianceConfirmedAt\":\"").doesNotContain("MPS report 17");
        Matcher apiLetter = Pattern.compile("\"letter\":\"(/api/v1/applications/" + id + "/documents/\\d+/content)\"")
                .matcher(caseView2.body());
        assertThat(apiLetter.find()).as("the letter's link in the API").isTrue();
        HttpResponse<String> apiPdf = api.getWithBasic(apiLetter.group(1), "compliance", "demo");
        assertThat(apiPdf.statusCode()).isEqualTo(200);
        assertThat(apiPdf.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("pdf"));

        // The staff case view shows the review in the case's one timeline, grounds included; the case itself did not move.
        String timeline = text(section(cro.get(caseView).body(), "timeline-section"));
        assertThat(timeline).contains("MPS report 17").contains("Interim measures").contains("Rectification ordered")
                .contains("Decide on interim measures");
        assertThat(applications.find(cn.ola.filing.ApplicationNumber.parse(number)).orElseThrow().status()).isEqualTo("SUBMITTED");
    }

    private long reviews(String number) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ExOfficioReviews.PROCESS_KEY)
                .processInstanceBusinessKey(number).count();
    }

    /** The open tasks of the case a member of this group may see, with authorization checks on. */
    private List<Task> visibleTo(String user, String group, String number) {
        identity.setAuthentication(user, List.of(group));
        try {
            return tasks.createTaskQuery().processInstanceBusinessKey(number).list();
        } finally {
            identity.clearAuthentication();
        }
    }

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless(port);
        browser.login(user, "demo");
        return browser;
    }
}
