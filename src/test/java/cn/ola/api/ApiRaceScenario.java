package cn.ola.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.filing.ListingFacts;
import cn.ola.applicant.ApplicantCases;
import cn.ola.audit.AuditTrail;
import cn.ola.filing.ApplicationNumber;
import cn.ola.support.Browserless;
import cn.ola.support.Race;
import cn.ola.support.RaceCases;
import cn.ola.workflow.Deadlines;

/**
 * Two requests at the same moment on an action of the company API, or on a staff task through
 * the engine's REST API: {@link RaceCases#PAIRS} pairs per route, each pair released together.
 * One request of each pair does the work, the other is told the case has moved on (409, nothing
 * changed), the case is consistent afterwards, and nothing of it is logged as an error. Each
 * route takes its cases and returns them as they stand afterwards, for the next route. Run on H2
 * and on MySQL by the subclasses.
 */
abstract class ApiRaceScenario {

    static final String API = "/api/v1/applications";
    static final String PROBLEMS = "https://ola.example.cn/problems/";
    /** The engine API of Camunda's webapps, as Tasklist calls it. */
    static final String TASKLIST_API = "/camunda/api/engine/engine/default";

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
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private RaceCases prepared;

    record Answer(int status, String body) {

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    RaceCases prepared() {
        if (prepared == null) {
            prepared = new RaceCases(cases, tasks, identity, history, audit);
        }
        return prepared;
    }

    /** Both requests replace the draft's version 0; one is kept, the other told the draft changed. */
    void replaceDraftsTwiceAtOnce(List<Long> drafts) {
        Map<Long, List<Answer>> answers = race(drafts, id -> List.of(
                () -> send(put(API + "/" + id, replacement("first"), "\"0\"")),
                () -> send(put(API + "/" + id, replacement("second"), "\"0\""))));

        expectOneWinner(answers, 200, "draft-changed");
        answers.forEach((id, pair) -> {
            var draft = cases.application(RaceCases.COMPANY_USER, id);
            String winner = pair.get(0).status() == 200 ? "first" : "second";
            assertThat(draft.version()).as("version of draft %d", id).isEqualTo(1);
            assertThat(draft.facts().get(ListingFacts.OFFSHORE_ISSUER)).as("draft %d", id).endsWith("(" + winner + ")");
        });
    }

    /** Both submit; one case starts, the other request is told the number it already has. */
    List<ApplicationNumber> submitDraftsTwiceAtOnce(List<Long> drafts) {
        Map<Long, List<Answer>> answers = race(drafts, id -> List.of(
                () -> send(post(API + "/" + id + "/submission", "")),
                () -> send(post(API + "/" + id + "/submission", ""))));

        expectOneWinner(answers, 201, "already-submitted");
        List<ApplicationNumber> numbers = new ArrayList<>();
        for (long id : answers.keySet()) {
            ApplicationNumber number = cases.application(RaceCases.COMPANY_USER, id).number();
            assertThat(prepared().started(number)).as("cases started for %s", number).isEqualTo(1);
            assertThat(prepared().auditEntries(id, "SUBMITTED")).as("SUBMITTED entries of %s", number).isEqualTo(1);
            numbers.add(number);
        }
        return numbers;
    }

    /**
     * A CSRC officer claims the intake check, then completes it twice at once, asking for corrections:
     * half of the cases through the engine's REST API (as a client system would), the other half through
     * Tasklist's own engine API with the officer's session (as a double click in Tasklist does). The
     * case waits for the company's materials once; the second click is told, in Camunda's error shape,
     * that the task was completed meanwhile (409), not given a server error.
     */
    List<ApplicationNumber> completeIntakeChecksTwiceAtOnce(List<ApplicationNumber> submitted) {
        Map<ApplicationNumber, String> intakeTasks = new HashMap<>();
        for (ApplicationNumber number : submitted) {
            String taskId = prepared().openTask(number, "Task_IntakeCheck").getId();
            claim(taskId, "csrc", "csrc-officer");
            intakeTasks.put(number, taskId);
        }
        String corrections = """
                {"variables": {"intakeOutcome": {"value": "CORRECTIONS_NEEDED", "type": "String"},
                               "reasons": {"value": "Please add the signed legal opinion.", "type": "String"}}}""";

        Browserless tasklist = new Browserless(port);
        assertThat(tasklist.login("csrc", "demo").statusCode()).isEqualTo(302);
        // Tasklist's page sets the XSRF token its calls send back: fetched once, before the clicks.
        assertThat(tasklist.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        Set<ApplicationNumber> inTasklist = Set.copyOf(submitted.subList(submitted.size() / 2, submitted.size()));

        Map<ApplicationNumber, List<Answer>> answers = race(submitted, number -> {
            String taskId = intakeTasks.get(number);
            Callable<Answer> click = inTasklist.contains(number)
                    ? () -> answer(tasklist.postJsonAsWebapp(TASKLIST_API + "/task/" + taskId + "/submit-form", corrections,
                            "Accept", "application/json"))
                    : () -> send(engineRest("/engine-rest/task/" + taskId + "/complete", corrections));
            return List.of(click, click);
        });

        Race.expectOneWinnerEach(answers, answer -> answer.status() == 204, loser -> loser.status() == 409
                && "OptimisticLockingException".equals(field(loser, "type")) && field(loser, "message") != null);
        answers.keySet().forEach(number -> {
            assertThat(prepared().endedTasks(number, "Task_IntakeCheck")).as("intake checks of %s", number).isEqualTo(1);
            assertThat(prepared().openTasks(number, "Task_SupplyMaterials")).as("requests of %s", number).isEqualTo(1);
            assertThat(prepared().auditEntries(prepared().applicationId(number), "OUTCOME", "INTAKE_CHECK"))
                    .as("intake outcomes of %s", number).isEqualTo(1);
        });
        return List.copyOf(answers.keySet());
    }

    List<ApplicationNumber> answerRequestsTwiceAtOnce(List<ApplicationNumber> asked) {
        Map<ApplicationNumber, List<Answer>> answers = race(asked, number -> {
            long id = prepared().applicationId(number);
            String taskId = prepared().openTask(number, "Task_SupplyMaterials").getId();
            return List.of(
                    () -> send(post(API + "/" + id + "/materials-answers",
                            "{\"taskId\": \"" + taskId + "\", \"answer\": \"The signed opinion follows (first).\"}")),
                    () -> send(post(API + "/" + id + "/materials-answers",
                            "{\"taskId\": \"" + taskId + "\", \"answer\": \"The signed opinion follows (second).\"}")));
        });

        expectOneWinner(answers, 200, "case-not-waiting");
        answers.keySet().forEach(number -> {
            assertThat(prepared().auditEntries(prepared().applicationId(number), "MATERIALS_SUPPLIED"))
                    .as("answers recorded for %s", number).isEqualTo(1);
            assertThat(prepared().endedTasks(number, "Task_SupplyMaterials")).as("requests of %s", number).isEqualTo(1);
            assertThat(prepared().openTasks(number, "Task_IntakeCheck")).as("intake checks of %s", number).isEqualTo(1);
        });
        return List.copyOf(answers.keySet());
    }

    List<ApplicationNumber> reportOverseasDatesTwiceAtOnce(List<ApplicationNumber> waiting) {
        String today = LocalDate.now(Deadlines.BEIJING).toString();
        Map<ApplicationNumber, List<Answer>> answers = race(waiting, number -> {
            long id = prepared().applicationId(number);
            return List.of(
                    () -> send(post(API + "/" + id + "/overseas-submission", "{\"submittedOn\": \"" + today + "\"}")),
                    () -> send(post(API + "/" + id + "/overseas-submission", "{\"submittedOn\": \"" + today + "\"}")));
        });

        expectOneWinner(answers, 200, "case-not-waiting");
        answers.keySet().forEach(number -> {
            assertThat(prepared().auditEntries(prepared().applicationId(number), "OVERSEAS_SUBMISSION_REPORTED"))
                    .as("reports of %s", number).isEqualTo(1);
            assertThat(prepared().endedTasks(number, "Task_ReportOverseasSubmission")).as("%s", number).isEqualTo(1);
            assertThat(prepared().openTasks(number, "Task_CompletenessCheck")).as("%s", number).isEqualTo(1);
        });
        return List.copyOf(answers.keySet());
    }

    void reportListingsTwiceAtOnce(List<ApplicationNumber> waiting) {
        String today = LocalDate.now(Deadlines.BEIJING).toString();
        Map<ApplicationNumber, List<Answer>> answers = race(waiting, number -> {
            long id = prepared().applicationId(number);
            return List.of(
                    () -> send(post(API + "/" + id + "/listing-report", "{\"listedOn\": \"" + today + "\"}")),
                    () -> send(post(API + "/" + id + "/listing-report", "{\"listedOn\": \"" + today + "\"}")));
        });

        expectOneWinner(answers, 200, "case-not-waiting");
        answers.keySet().forEach(number -> {
            assertThat(prepared().auditEntries(prepared().applicationId(number), "LISTING_REPORTED"))
                    .as("reports of %s", number).isEqualTo(1);
            assertThat(prepared().passed(number, "End_Listed")).as("listed ends of %s", number).isEqualTo(1);
            assertThat(cases.application(RaceCases.COMPANY_USER, number).status()).isEqualTo("LISTED");
        });
    }

    void withdrawTwiceAtOnce(List<ApplicationNumber> running) {
        Map<ApplicationNumber, List<Answer>> answers = race(running, number -> {
            long id = prepared().applicationId(number);
            return List.of(
                    () -> send(post(API + "/" + id + "/withdrawal", "{\"reason\": \"The listing is postponed (first).\"}")),
                    () -> send(post(API + "/" + id + "/withdrawal", "{\"reason\": \"The listing is postponed (second).\"}")));
        });

        expectOneWinner(answers, 200, "case-not-waiting");
        answers.keySet().forEach(number -> {
            assertThat(prepared().auditEntries(prepared().applicationId(number), "WITHDRAWAL_REQUESTED"))
                    .as("withdrawals of %s", number).isEqualTo(1);
            assertThat(prepared().passed(number, "End_Withdrawn")).as("withdrawn ends of %s", number).isEqualTo(1);
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number.toString()).count()).isZero();
            assertThat(cases.application(RaceCases.COMPANY_USER, number).status()).isEqualTo("WITHDRAWN");
        });
    }

    private <K> Map<K, List<Answer>> race(List<K> subjects, Function<K, List<Callable<Answer>>> pairOf) {
        assertThat(subjects).as("cases to race").hasSize(RaceCases.PAIRS);
        return Race.eachPair(subjects, pairOf);
    }

    /** One answer {@code won}, the other a 409 problem of the type given or of a collision at the same moment. */
    private <K> void expectOneWinner(Map<K, List<Answer>> answers, int won, String problemType) {
        Race.expectOneWinnerEach(answers, answer -> answer.status() == won, loser -> loser.status() == 409
                && ((PROBLEMS + problemType).equals(field(loser, "type"))
                        || (PROBLEMS + "concurrent-change").equals(field(loser, "type"))));
    }

    private void claim(String taskId, String user, String group) {
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.claim(taskId, user);
        } finally {
            identity.clearAuthentication();
        }
    }

    private String field(Answer answer, String name) {
        try {
            JsonNode node = json.readTree(answer.body()).get(name);
            return node == null ? null : node.asText();
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The draft's facts as RaceCases files them, with the issuer's name telling the two requests apart. */
    private static String replacement(String which) {
        return """
                {"listingType": "INDIRECT", "issuerType": "OFFSHORE",
                 "offshoreIssuer": "Example Data Holdings Ltd. (%s)", "venueExchange": "NYSE", "venueRegion": "US",
                 "offeringType": "IPO", "plannedListingDate": "%s", "networkPlatformOperator": true, "ciio": false,
                 "importantData": false, "personalInfoUsers": 800000, "piExportedNonSensitive": 5000,
                 "piExportedSensitive": 0, "consentObtained": true, "sensitiveDataMinimised": true, "industry": "SOFTWARE",
                 "domesticRevenuePct": 92.5, "domesticProfitPct": 88.0, "domesticAssetsPct": 75.0,
                 "domesticNetAssetsPct": 70.0, "managementMostlyPrc": true, "mainPlaceOfBusiness": "CN",
                 "declProhibitedByLaw": false, "declNationalSecurityThreat": false, "declRecentCriminalOffence": false,
                 "declUnderInvestigation": false, "declOwnershipDispute": false}"""
                .formatted(which, LocalDate.now(Deadlines.BEIJING).plusMonths(6));
    }

    private HttpRequest post(String path, String body) {
        return request(path, RaceCases.COMPANY_USER, RaceCases.PASSWORD)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest put(String path, String body, String ifMatch) {
        return request(path, RaceCases.COMPANY_USER, RaceCases.PASSWORD).header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest engineRest(String path, String body) {
        return request(path, "csrc", "demo").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.body());
    }
}
