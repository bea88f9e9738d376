package cn.ola.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.applicant.DocumentKind;
import cn.ola.company.CompanyUsers;
import cn.ola.company.NewUser;
import cn.ola.events.MaterialEvents;
import cn.ola.events.SubsequentOfferings;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.StoredDocument;
import cn.ola.letters.LetterKind;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.support.DraftDocuments;
import cn.ola.support.ListedCase;
import cn.ola.support.NewCompanies;
import cn.ola.support.PlatformFacts;
import cn.ola.support.StaffTasks;
import cn.ola.workflow.ExOfficioReviews;
import cn.ola.workflow.MemberAgencies.Agency;
import cn.ola.workflow.ProcessVariables;

/**
 * Every route a person can reach — the staff pages, their document and letter downloads, the
 * company API and portal, and the engine's REST API — for every role and two companies, each
 * cell asserted and the whole matrix printed. Case A is company A's large tobacco platform in New
 * York: the review office consulted NDRC and MIIT (MIIT disagreed, with reasons of its own) and
 * the tobacco regulator decides on prior approval. Case B is company B's application, refused by
 * the CSRC with a refusal letter; no agency and no industry regulator was asked about it. Company A
 * also has a listed case that reported a material event and filed a later offering on its market.
 */
@DevSystemTest
class AccessMatrixIT {

    static final String PASSWORD = "demo";
    static final String OFFICE_REASONS = "OFFICE-INITIAL-OPINION-" + System.nanoTime();
    static final String MIIT_REASONS = "MIIT-DISAGREES-BECAUSE-" + System.nanoTime();

    /** Who: the demo accounts and a user of a second company registered here. */
    enum Who {
        CRO("cro"), CSRC("csrc"), SUPERVISOR("supervisor"), ADMIN("admin"), NDRC("ndrc"), MIIT("miit"), TOBACCO("tobacco"),
        COMPANY_A("compliance"), COMPANY_B(null);

        final String demoUser;

        Who(String demoUser) {
            this.demoUser = demoUser;
        }

        boolean seesEveryCase() {
            return this == CRO || this == CSRC || this == SUPERVISOR || this == ADMIN;
        }

        boolean askedAboutCaseA() {
            return this == NDRC || this == MIIT || this == TOBACCO;
        }

        boolean staff() {
            return this != COMPANY_A && this != COMPANY_B;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicantCases cases;
    @Autowired
    CompanyUsers companyUsers;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    MaterialEvents events;
    @Autowired
    SubsequentOfferings offerings;
    @Autowired
    RuntimeService runtime;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Who, String> users = new LinkedHashMap<>();
    private final Map<Who, Browserless> sessions = new LinkedHashMap<>();
    private final List<String> matrix = new ArrayList<>();
    private String caseA;
    private long idA;
    private long documentA;
    private String caseB;
    private long letterB;
    private long draftA;
    private long draftB;
    private String colleagueA;
    private String listedA;
    private long listedIdA;
    private long eventA;
    private long offeringA;

    @BeforeEach
    void twoCompaniesAndTheirCases() {
        String userB = NewCompanies.withUser(companyUsers, "b-", "乙方数据股份有限公司", "Company B Data Co., Ltd.",
                "Company-B-2026");
        for (Who who : Who.values()) {
            users.put(who, who == Who.COMPANY_B ? userB : who.demoUser);
        }

        idA = draft(users.get(Who.COMPANY_A), facts("TOBACCO", 3_200_000L, 150_000L));
        documentA = cases.documents(users.get(Who.COMPANY_A), idA).stream()
                .filter(d -> d.kind().equals(DocumentKind.PROSPECTUS.name())).map(StoredDocument::id).findFirst().orElseThrow();
        caseA = cases.submit(users.get(Who.COMPANY_A), idA).number().toString();
        completeAs("csrc", Roles.CSRC_OFFICER, caseA, "Task_IntakeCheck", Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE"));
        completeAs("cro", Roles.CRO_REVIEWER, caseA, "Task_CheckMaterials",
                Map.of(ProcessVariables.MATERIALS_OUTCOME, "REVIEW_NEEDED", ProcessVariables.REVIEW_COMPLEX, false));
        completeAs("cro", Roles.CRO_REVIEWER, caseA, "Task_InitialReview", Map.of(ProcessVariables.INITIAL_OPINION,
                "NO_CONCERN", Agency.NDRC.consultVariable(), true, Agency.MIIT.consultVariable(), true,
                ProcessVariables.REASONS, OFFICE_REASONS));
        completeAs("miit", Roles.MEMBER_AGENCY_PREFIX + "miit", caseA, "Task_AgencyOpinion",
                Map.of(ProcessVariables.AGENCY_OPINION, "DISAGREE", ProcessVariables.REASONS, MIIT_REASONS));

        long idB = draft(userB, facts("SOFTWARE", 400_000L, 50_000L));
        caseB = cases.submit(userB, idB).number().toString();
        completeAs("csrc", Roles.CSRC_OFFICER, caseB, "Task_IntakeCheck", Map.of(ProcessVariables.INTAKE_OUTCOME, "COMPLETE"));
        completeAs("cro", Roles.CRO_REVIEWER, caseB, "Task_ReviewPiSelfAssessment", Map.of("selfAssessmentOutcome", "ACCEPTED"));
        completeAs("csrc", Roles.CSRC_OFFICER, caseB, "Task_CompletenessCheck", Map.of("completenessOutcome", "COMPLETE"));
        completeAs("csrc", Roles.CSRC_OFFICER, caseB, "Task_ConcludeFiling", Map.of(ProcessVariables.FILING_OUTCOME, "REFUSED",
                ProcessVariables.REASONS, "The filing does not meet the Trial Measures."));
        letterB = await().atMost(Duration.ofSeconds(60)).until(() -> cases.documents(userB, idB).stream()
                .filter(d -> LetterKind.isLetter(d.kind())).map(StoredDocument::id).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();

        // Company A's listed case and the material event it reported.
        var listed = ListedCase.of(cases, tasks, identity, users.get(Who.COMPANY_A));
        listedA = listed.number().toString();
        listedIdA = listed.id();
        eventA = events.report(users.get(Who.COMPANY_A), cn.ola.filing.ApplicationNumber.parse(listedA),
                new MaterialEvents.Report("CHANGE_OF_CONTROL", java.time.LocalDate.now(cn.ola.workflow.Deadlines.BEIJING)
                        .toString(), "Example Holdings acquired 51% of the shares.")).id();
        offeringA = offerings.file(users.get(Who.COMPANY_A), cn.ola.filing.ApplicationNumber.parse(listedA),
                new SubsequentOfferings.Filing("NYSE", java.time.LocalDate.now(cn.ola.workflow.Deadlines.BEIJING).toString(),
                        "Follow-on offering of 1,000,000 ADSs.")).id();

        // A draft of each company and a colleague of company A's user, for the account pages.
        draftA = draft(users.get(Who.COMPANY_A), facts("SOFTWARE", 10_000L, 0L));
        draftB = draft(userB, facts("SOFTWARE", 10_000L, 0L));
        colleagueA = "a-" + System.nanoTime();
        companyUsers.invite(companyUsers.companyOf(users.get(Who.COMPANY_A)).orElseThrow(),
                new NewUser(colleagueA, "Fang", "Wang", colleagueA + "@example.cn", "Colleague-A-2026"));

        for (Who who : Who.values()) {
            Browserless session = new Browserless(port);
            String password = who == Who.COMPANY_B ? "Company-B-2026" : PASSWORD;
            assertThat(session.login(users.get(who), password).statusCode()).as("sign-in of " + who).isEqualTo(302);
            sessions.put(who, session);
        }
    }

    @Test
    void everyRoleReachesExactlyWhatItMay() throws Exception {
        for (Who who : Who.values()) {
            Browserless web = sessions.get(who);
            Browserless basic = new Browserless(port);
            String user = users.get(who);
            String password = who == Who.COMPANY_B ? "Company-B-2026" : PASSWORD;
            List<String> row = new ArrayList<>();

            // Staff search: which of the two cases it lists.
            HttpResponse<String> search = web.get("/staff/applications?size=100");
            if (who.staff()) {
                assertThat(search.statusCode()).as(who + " search").isEqualTo(200);
                assertThat(search.body().contains(caseA)).as(who + " finds case A").isTrue();
                assertThat(search.body().contains(caseB)).as(who + " finds case B").isEqualTo(who.seesEveryCase());
            } else {
                assertThat(search.statusCode()).as(who + " search").isEqualTo(403);
            }
            row.add(cell(search, body -> (body.contains(caseA) ? "A" : "") + (body.contains(caseB) ? "B" : "")));

            // Work queue: case A's open tasks appear only for those they are offered to (the review office's
            // reviewers, NDRC still to give its opinion, the tobacco regulator's prior approval); MIIT has answered.
            HttpResponse<String> queue = web.get("/staff/tasks?number=" + caseA);
            assertThat(queue.statusCode()).as(who + " work queue").isEqualTo(who.staff() ? 200 : 403);
            if (who == Who.CRO || who == Who.NDRC || who == Who.TOBACCO || who == Who.MIIT || who == Who.CSRC) {
                assertThat(queue.body().contains("data-task=")).as(who + " has tasks of case A in the work queue")
                        .isEqualTo(who == Who.CRO || who == Who.NDRC || who == Who.TOBACCO);
            }
            row.add(cell(queue, body -> body.contains("data-task=") ? "A" : ""));

            for (String path : List.of("", "/audit", "/audit.csv")) {
                HttpResponse<String> a = web.get("/staff/applications/" + caseA + path);
                HttpResponse<String> b = web.get("/staff/applications/" + caseB + path);
                assertThat(a.statusCode()).as(who + " case A" + path).isEqualTo(who.staff() ? 200 : 403);
                assertThat(b.statusCode()).as(who + " case B" + path).isEqualTo(!who.staff() ? 403 : who.seesEveryCase() ? 200 : 404);
                if (a.statusCode() == 200) {
                    assertThat(a.body()).as(who + " case A" + path + ": the office's initial opinion")
                            .matches(body -> body.contains(OFFICE_REASONS) == (who.seesEveryCase() || who == Who.NDRC
                                    || who == Who.MIIT), "shown to every-case staff and the agencies consulted only");
                    assertThat(a.body()).as(who + " case A" + path + ": MIIT's reasons")
                            .matches(body -> body.contains(MIIT_REASONS) == (who.seesEveryCase() || who == Who.MIIT),
                                    "shown to every-case staff and MIIT itself only");
                }
                row.add(status(a) + "/" + status(b));
            }

            HttpResponse<String> document = web.get("/staff/applications/" + caseA + "/documents/" + documentA);
            assertThat(document.statusCode()).as(who + " document of A").isEqualTo(who.staff() ? 200 : 403);
            row.add(status(document));
            HttpResponse<String> letter = web.get("/staff/applications/" + caseB + "/letters/" + letterB);
            assertThat(letter.statusCode()).as(who + " letter of B").isEqualTo(!who.staff() ? 403 : who.seesEveryCase() ? 200 : 404);
            row.add(status(letter));
            HttpResponse<String> dashboard = web.get("/staff/dashboard");
            assertThat(dashboard.statusCode()).as(who + " dashboard")
                    .isEqualTo(who == Who.SUPERVISOR || who == Who.ADMIN ? 200 : 403);
            row.add(status(dashboard));
            HttpResponse<String> accounts = web.get("/staff/accounts");
            assertThat(accounts.statusCode()).as(who + " account locks").isEqualTo(who == Who.ADMIN ? 200 : 403);
            row.add(status(accounts));
            // Opening an ex-officio review is the review office's alone; case B ended refused, so none is opened.
            HttpResponse<String> exOfficio = web.postForm("/", "/staff/applications/" + caseB + "/ex-officio-review",
                    Map.of("grounds", "Access matrix: nothing may open here"));
            assertThat(exOfficio.statusCode()).as(who + " opens an ex-officio review of B").isEqualTo(who == Who.CRO ? 302 : 403);
            assertThat(reviewsOf(caseB)).as(who + ": no review of B opened").isZero();
            row.add(status(exOfficio));

            // The company's own pages and API.
            HttpResponse<String> portal = web.get("/applications/" + caseA);
            assertThat(portal.statusCode()).as(who + " portal case A")
                    .isEqualTo(who == Who.COMPANY_A ? 200 : who == Who.COMPANY_B ? 404 : 403);
            row.add(status(portal));
            // Confirming compliance with interim measures: only in one's own case (A waits for none: calmly refused).
            HttpResponse<String> compliance = web.postForm("/", "/applications/" + caseA + "/compliance",
                    Map.of("statement", "Access matrix"));
            assertThat(compliance.statusCode()).as(who + " confirms compliance in case A")
                    .isEqualTo(who == Who.COMPANY_A ? 302 : who == Who.COMPANY_B ? 404 : 403);
            row.add(status(compliance));
            HttpResponse<String> apiList = basic.getWithBasic("/api/v1/applications", user, password);
            assertThat(apiList.statusCode()).as(who + " API list").isEqualTo(who.staff() ? 403 : 200);
            if (!who.staff()) {
                assertThat(apiList.body().contains(caseA)).as(who + " API lists case A").isEqualTo(who == Who.COMPANY_A);
                assertThat(apiList.body().contains(caseB)).as(who + " API lists case B").isEqualTo(who == Who.COMPANY_B);
            }
            row.add(cell(apiList, body -> (body.contains(caseA) ? "A" : "") + (body.contains(caseB) ? "B" : "")));
            HttpResponse<String> apiCase = basic.getWithBasic("/api/v1/applications/" + idA + "/case", user, password);
            assertThat(apiCase.statusCode()).as(who + " API case A")
                    .isEqualTo(who == Who.COMPANY_A ? 200 : who == Who.COMPANY_B ? 404 : 403);
            row.add(status(apiCase));
            HttpResponse<String> apiCompliance = basic.postWithBasic("/api/v1/applications/" + idA
                    + "/interim-measures-compliance", user, password, "{\"statement\": \"Access matrix\"}");
            assertThat(apiCompliance.statusCode()).as(who + " API confirms compliance in case A")
                    .isEqualTo(who == Who.COMPANY_A ? 409 : who == Who.COMPANY_B ? 404 : 403);
            row.add(status(apiCompliance));
            HttpResponse<String> apiDocument = basic.getWithBasic("/api/v1/applications/" + idA + "/documents/" + documentA
                    + "/content", user, password);
            assertThat(apiDocument.statusCode()).as(who + " API document of A")
                    .isEqualTo(who == Who.COMPANY_A ? 200 : who == Who.COMPANY_B ? 404 : 403);
            row.add(status(apiDocument));

            // Material events: A's report form and event, through the portal and the API.
            HttpResponse<String> eventForm = web.get("/applications/" + listedA + "/material-events/new");
            assertThat(eventForm.statusCode()).as(who + " report form of A's listed case")
                    .isEqualTo(who == Who.COMPANY_A ? 200 : who == Who.COMPANY_B ? 404 : 403);
            HttpResponse<String> apiEvents = basic.getWithBasic("/api/v1/material-events", user, password);
            assertThat(apiEvents.statusCode()).as(who + " API events").isEqualTo(who.staff() ? 403 : 200);
            if (!who.staff()) {
                assertThat(apiEvents.body().contains("\"id\":" + eventA + ",")).as(who + " API lists A's event")
                        .isEqualTo(who == Who.COMPANY_A);
            }
            HttpResponse<String> apiEvent = basic.getWithBasic("/api/v1/material-events/" + eventA, user, password);
            assertThat(apiEvent.statusCode()).as(who + " API event of A")
                    .isEqualTo(who == Who.COMPANY_A ? 200 : who == Who.COMPANY_B ? 404 : 403);
            HttpResponse<String> eventReport = web.postForm("/", "/applications/" + listedA + "/material-events",
                    Map.of("kind", "FORCED_DELISTING", "announcedOn", "2026-01-05", "description", "Not ours to report."));
            assertThat(eventReport.statusCode()).as(who + " reports on A's listed case")
                    .isEqualTo(who == Who.COMPANY_A ? 302 : who == Who.COMPANY_B ? 404 : 403);
            row.add(status(eventForm) + "/" + cell(apiEvents, body -> body.contains("\"id\":" + eventA + ",") ? "A" : "")
                    + "/" + status(apiEvent) + "/" + status(eventReport));

            // Subsequent offerings: A's filing form and offering, through the portal and the API.
            HttpResponse<String> offeringForm = web.get("/applications/" + listedA + "/subsequent-offerings/new");
            assertThat(offeringForm.statusCode()).as(who + " offering form of A's listed case")
                    .isEqualTo(who == Who.COMPANY_A ? 200 : who == Who.COMPANY_B ? 404 : 403);
            HttpResponse<String> apiOfferings = basic.getWithBasic("/api/v1/subsequent-offerings", user, password);
            assertThat(apiOfferings.statusCode()).as(who + " API offerings").isEqualTo(who.staff() ? 403 : 200);
            if (!who.staff()) {
                assertThat(apiOfferings.body().contains("\"id\":" + offeringA + ",")).as(who + " API lists A's offering")
                        .isEqualTo(who == Who.COMPANY_A);
            }
            HttpResponse<String> apiOffering = basic.getWithBasic("/api/v1/subsequent-offerings/" + offeringA, user, password);
            assertThat(apiOffering.statusCode()).as(who + " API offering of A")
                    .isEqualTo(who == Who.COMPANY_A ? 200 : who == Who.COMPANY_B ? 404 : 403);
            HttpResponse<String> offeringFiling = web.postForm("/", "/applications/" + listedA + "/subsequent-offerings",
                    Map.of("exchange", "NYSE", "completedOn", "2026-01-05", "description", "Not ours to file."));
            assertThat(offeringFiling.statusCode()).as(who + " files an offering on A's listed case")
                    .isEqualTo(who == Who.COMPANY_A ? 302 : who == Who.COMPANY_B ? 404 : 403);
            row.add(status(offeringForm) + "/" + cell(apiOfferings, body -> body.contains("\"id\":" + offeringA + ",") ? "A" : "")
                    + "/" + status(apiOffering) + "/" + status(offeringFiling));

            // A listing on another market, started from A's listed case: through the portal and the API.
            HttpResponse<String> anotherMarket = web.postForm("/", "/applications/" + listedA + "/another-market",
                    Map.of("exchange", "LSE"));
            assertThat(anotherMarket.statusCode()).as(who + " starts a listing elsewhere from A's listed case")
                    .isEqualTo(who == Who.COMPANY_A ? 302 : who == Who.COMPANY_B ? 404 : 403);
            HttpResponse<String> apiAnotherMarket = basic.postWithBasic("/api/v1/applications/" + listedIdA + "/another-market",
                    user, password, "{\"exchange\":\"LSE\"}");
            assertThat(apiAnotherMarket.statusCode()).as(who + " API starts a listing elsewhere from A's listed case")
                    .isEqualTo(who == Who.COMPANY_A ? 201 : who == Who.COMPANY_B ? 404 : 403);
            row.add(status(anotherMarket) + "/" + status(apiAnotherMarket));

            // Withdrawing A's offering: only A's own users, and A's was concluded or is open — refused either way
            // without a reason, so nothing is withdrawn here.
            HttpResponse<String> offeringWithdrawal = web.postForm("/",
                    "/applications/" + listedA + "/subsequent-offerings/" + offeringA + "/withdrawal", Map.of("reason", " "));
            assertThat(offeringWithdrawal.statusCode()).as(who + " withdraws A's offering on the page")
                    .isEqualTo(who == Who.COMPANY_A ? 200 : who == Who.COMPANY_B ? 404 : 403);
            HttpResponse<String> apiOfferingWithdrawal = basic.postWithBasic("/api/v1/subsequent-offerings/" + offeringA
                    + "/withdrawal", user, password, "{\"reason\":\"\"}");
            assertThat(apiOfferingWithdrawal.statusCode()).as(who + " API withdraws A's offering")
                    .isEqualTo(who == Who.COMPANY_A ? 400 : who == Who.COMPANY_B ? 404 : 403);
            assertThat(offerings.one(users.get(Who.COMPANY_A), offeringA).state().name()).as(who + ": A's offering stays")
                    .isNotEqualTo("WITHDRAWN");
            row.add(status(offeringWithdrawal) + "/" + status(apiOfferingWithdrawal));

            // Signing out, one's password, removing a colleague, deleting a draft: each only in one's own company.
            HttpResponse<String> logout = web.get("/logout");
            assertThat(logout.statusCode()).as(who + " sign-out page").isEqualTo(200);
            HttpResponse<String> passwordPage = web.get("/account/password");
            assertThat(passwordPage.statusCode()).as(who + " password page").isEqualTo(200);
            assertThat(passwordPage.body().contains("currentPassword")).as(who + " may change the password here")
                    .isEqualTo(!who.staff());
            row.add(status(logout) + "/" + cell(passwordPage, body -> body.contains("currentPassword") ? "form" : "camunda"));
            HttpResponse<String> confirmRemoval = web.get("/company/users/" + colleagueA + "/remove");
            assertThat(confirmRemoval.statusCode()).as(who + " asked to remove A's colleague")
                    .isEqualTo(who == Who.COMPANY_A ? 200 : who == Who.COMPANY_B ? 302 : 403);
            String otherCompanysUser = who == Who.COMPANY_A ? users.get(Who.COMPANY_B) : colleagueA;
            HttpResponse<String> removal = web.postForm("/", "/company/users/" + otherCompanysUser + "/remove", Map.of());
            assertThat(removal.statusCode()).as(who + " removes another company's user").isEqualTo(who.staff() ? 403 : 302);
            assertThat(companyUsers.userIdTaken(colleagueA) && companyUsers.userIdTaken(users.get(Who.COMPANY_B)))
                    .as(who + ": nobody of another company was removed").isTrue();
            row.add(status(confirmRemoval) + "/" + status(removal));
            HttpResponse<String> confirmDeletion = web.get("/applications/drafts/" + draftA + "/delete");
            assertThat(confirmDeletion.statusCode()).as(who + " asked to delete A's draft")
                    .isEqualTo(who == Who.COMPANY_A ? 200 : who == Who.COMPANY_B ? 404 : 403);
            long otherCompanysDraft = who == Who.COMPANY_A ? draftB : draftA;
            HttpResponse<String> deletion = web.postForm("/", "/applications/drafts/" + otherCompanysDraft + "/delete", Map.of());
            assertThat(deletion.statusCode()).as(who + " deletes another company's draft").isEqualTo(who.staff() ? 403 : 302);
            HttpResponse<String> apiDeletion = basic.deleteWithBasic("/api/v1/applications/" + otherCompanysDraft, user, password);
            assertThat(apiDeletion.statusCode()).as(who + " API deletes another company's draft").isEqualTo(who.staff() ? 403 : 404);
            assertThat(cases.application(users.get(Who.COMPANY_A), draftA).id()).as(who + ": A's draft stays").isEqualTo(draftA);
            assertThat(cases.application(users.get(Who.COMPANY_B), draftB).id()).as(who + ": B's draft stays").isEqualTo(draftB);
            HttpResponse<String> apiSubmitted = basic.deleteWithBasic("/api/v1/applications/" + idA, user, password);
            assertThat(apiSubmitted.statusCode()).as(who + " API deletes case A")
                    .isEqualTo(who == Who.COMPANY_A ? 409 : who == Who.COMPANY_B ? 404 : 403);
            row.add(status(confirmDeletion) + "/" + status(deletion) + "/" + status(apiDeletion) + "/" + status(apiSubmitted));

            // The engine's REST API: tasks of case A, its process instances and their history.
            HttpResponse<String> engineTasks = basic.getWithBasic("/engine-rest/task?processInstanceBusinessKey=" + caseA, user,
                    password);
            HttpResponse<String> instances = basic.getWithBasic("/engine-rest/process-instance?businessKey=" + caseA, user,
                    password);
            HttpResponse<String> history = basic.getWithBasic("/engine-rest/history/process-instance?processInstanceBusinessKey="
                    + caseA, user, password);
            if (who.staff()) {
                Set<String> keys = taskKeys(engineTasks);
                assertThat(keys).as(who + " tasks of case A through /engine-rest").isEqualTo(expectedTasksOfCaseA(who));
                assertThat(size(instances) > 0).as(who + " process instances of case A").isEqualTo(who == Who.ADMIN);
                assertThat(size(history) > 0).as(who + " history of case A").isEqualTo(who == Who.ADMIN);
                row.add(String.join("+", keys.stream().map(k -> k.replace("Task_", "")).sorted().toList()));
                row.add(size(instances) + "/" + size(history));
            } else {
                assertThat(engineTasks.statusCode()).as(who + " /engine-rest").isEqualTo(403);
                assertThat(instances.statusCode()).isEqualTo(403);
                assertThat(history.statusCode()).isEqualTo(403);
                row.add("403");
                row.add("403");
            }
            matrix.add(String.format("%-11s %s", who.name().toLowerCase(), String.join(" | ", row)));
        }
        System.out.printf("%nWho reaches what (A = company A's case, B = company B's; status codes, or what a list shows)%n"
                + "%-11s %s%n%s%n", "who", String.join(" | ", List.of("search", "queue", "case A/B", "audit A/B", "audit.csv A/B",
                        "document A", "letter B", "dashboard", "accounts", "ex-officio B", "portal A", "compliance A", "API list",
                        "API case A", "API compliance A", "API document A", "event form/API events/API event/report of A",
                        "offering form/API offerings/API offering/filing of A", "another market portal/API of A",
                        "offering withdrawal portal/API of A",
                        "logout/password", "remove colleague ask/other co.", "delete draft ask/other co./API other co./API case A",
                        "engine tasks of A", "instances/history of A")), String.join("\n", matrix));
    }

    /** Case A waits for the review office's data-protection checks, NDRC's opinion and the tobacco regulator. */
    private static Set<String> expectedTasksOfCaseA(Who who) {
        return switch (who) {
            case CRO, SUPERVISOR -> Set.of("Task_CheckExportEvidence", "Task_ReviewPiSelfAssessment");
            case ADMIN -> Set.of("Task_CheckExportEvidence", "Task_ReviewPiSelfAssessment", "Task_AgencyOpinion",
                    "Task_PriorApproval");
            case NDRC -> Set.of("Task_AgencyOpinion");
            case TOBACCO -> Set.of("Task_PriorApproval");
            default -> Set.of();
        };
    }

    private long reviewsOf(String number) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ExOfficioReviews.PROCESS_KEY)
                .processInstanceBusinessKey(number).count();
    }

    private long draft(String user, ApplicationFacts facts) {
        long id = cases.createDraft(user, new ApplicationDraft(facts, List.of())).id();
        return DraftDocuments.uploadEveryNeeded(cases, user, id);
    }

    /** Personal information of more than 100,000 people exported: the export evidence is checked. */
    private static ApplicationFacts facts(String industry, long users, long exported) {
        return PlatformFacts.platform().issuer("Example Holdings Ltd. (Cayman)").users(users).exported(exported)
                .industry(industry).build();
    }

    private void completeAs(String user, String group, String number, String taskKey, Map<String, Object> variables) {
        new StaffTasks(tasks, identity).completeAs(user, group, number, taskKey, variables);
    }

    private Set<String> taskKeys(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json.readTree(response.body()).spliterator(), false)
                .map(task -> task.get("taskDefinitionKey").asText()).collect(java.util.stream.Collectors.toSet());
    }

    private int size(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode list = json.readTree(response.body());
        return list.size();
    }

    private static String status(HttpResponse<String> response) {
        return String.valueOf(response.statusCode());
    }

    private static String cell(HttpResponse<String> response, Function<String, String> shows) {
        return response.statusCode() == 200 ? shows.apply(response.body()) : status(response);
    }
}
