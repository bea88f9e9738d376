package cn.ola.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.audit.AuditEvent;
import cn.ola.audit.AuditTrail;
import cn.ola.company.CompanyUsers;
import cn.ola.filing.ListingApplication;
import cn.ola.support.DevSystemTest;
import cn.ola.support.DraftDocuments;
import cn.ola.support.ListedCase;
import cn.ola.support.NewCompanies;
import cn.ola.support.PlatformFacts;
import cn.ola.workflow.Deadlines;

/**
 * A listed company's material events on the running system, through the API and the portal: reported
 * from a listed case (late, here), acknowledged, questioned and concluded by the CSRC, answered by the
 * company, told in its inbox; bad input, a case that cannot report and another company's events
 * refused. The listed case keeps its status throughout.
 */
@DevSystemTest
class MaterialEventsIT {

    static final String API = "/api/v1/material-events";
    static final String COMPANY_USER = "compliance";
    static final String OTHER_PASSWORD = "Other-Company-2026";
    /** One listed case for the class: carrying a case to its listing takes a letter job. */
    static ListingApplication listed;
    static String otherUser;

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicantCases cases;
    @Autowired
    MaterialEvents events;
    @Autowired
    CompanyUsers companyUsers;
    @Autowired
    AuditTrail audit;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void aListedCaseAndAnotherCompany() {
        if (listed == null) {
            listed = ListedCase.of(cases, tasks, identity, COMPANY_USER);
        }
        if (otherUser == null) {
            otherUser = NewCompanies.withUser(companyUsers, "events-other-", "丙方数据有限公司", "Third Data Co., Ltd.",
                    OTHER_PASSWORD);
        }
    }

    @Test
    void throughTheApiAnEventIsReportedQuestionedAnsweredAndClosedWhileTheCaseStaysListed() throws Exception {
        assertThat(listed.status()).isEqualTo("LISTED");
        LocalDate today = LocalDate.now(Deadlines.BEIJING);

        // Bad input: each field named, nothing reported.
        mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(listed.id(), "TAKEOVER", today.plusDays(1).toString(), " ")))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.type").value("https://ola.example.cn/problems/validation"))
                .andExpect(jsonPath("$.errors[?(@.field == 'kind')].code").value("UNKNOWN_VALUE"))
                .andExpect(jsonPath("$.errors[?(@.field == 'announcedOn')].code").value("IN_THE_FUTURE"))
                .andExpect(jsonPath("$.errors[?(@.field == 'description')].code").value("REQUIRED"));
        mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"applicationId\": " + listed.id() + ", \"kind\": \"CHANGE_OF_CONTROL\", "
                                + "\"announcedOn\": \"14.09.2026\", \"description\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("announcedOn"))
                .andExpect(jsonPath("$.errors[0].code").value("NOT_A_DATE"));
        // Another company's application is not found; a case under way cannot report.
        mvc.perform(post(API).with(otherCompany()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(listed.id(), "CHANGE_OF_CONTROL", today.toString(), "Not ours.")))
                .andExpect(status().isNotFound());
        long underWay = submittedCase();
        mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(underWay, "CHANGE_OF_CONTROL", today.toString(), "Too early.")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://ola.example.cn/problems/case-not-waiting"));

        // Reported a month after the announcement: late, flagged, taken. A retry with the same key files nothing new.
        String key = UUID.randomUUID().toString();
        String report = body(listed.id(), "OVERSEAS_INVESTIGATION", today.minusDays(30).toString(),
                "The SEC opened an investigation into our disclosures.");
        JsonNode created = read(mvc.perform(post(API).with(company()).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(report))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.matchesPattern(API + "/\\d+")))
                .andExpect(jsonPath("$.applicationNumber").value(listed.number().toString()))
                .andExpect(jsonPath("$.state").value("REPORTED"))
                .andExpect(jsonPath("$.late").value(true))
                .andReturn());
        long id = created.get("id").asLong();
        mvc.perform(post(API).with(company()).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(report))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(id));
        assertThat(events.ofCase(COMPANY_USER, listed.number())).filteredOn(e -> e.id() == id).hasSize(1);
        mvc.perform(get(API).with(company())).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].kind").value("OVERSEAS_INVESTIGATION"));
        mvc.perform(get(API + "/" + id).with(otherCompany())).andExpect(status().isNotFound());
        mvc.perform(get(API).with(otherCompany())).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());

        String instance = events.one(COMPANY_USER, id).processInstanceId();
        completeAs("csrc", "csrc-officer", instance, "Task_AcknowledgeEvent", Map.of());
        completeAs("csrc", "csrc-officer", instance, "Task_ConcludeEvent",
                Map.of("eventOutcome", "QUESTIONS_ASKED", "reasons", "Which disclosures does the investigation concern?"));
        JsonNode asked = read(mvc.perform(get(API + "/" + id).with(company()))
                .andExpect(jsonPath("$.state").value("QUESTIONS_ASKED"))
                .andExpect(jsonPath("$.acknowledgedAt").isNotEmpty())
                .andExpect(jsonPath("$.questions[0].question").value("Which disclosures does the investigation concern?"))
                .andReturn());
        assertThat(asked.at("/questions/0/workingDaysLeft").asInt()).isGreaterThan(20);

        mvc.perform(post(API + "/" + id + "/answers").with(otherCompany()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": \"Not ours.\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post(API + "/" + id + "/answers").with(company()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": \"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answer"));
        mvc.perform(post(API + "/" + id + "/answers").with(company()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": \"The 2025 annual report.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.questions").isEmpty());
        mvc.perform(post(API + "/" + id + "/answers").with(company()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": \"Again.\"}"))
                .andExpect(status().isConflict());

        completeAs("csrc", "csrc-officer", instance, "Task_ConcludeEvent",
                Map.of("eventOutcome", "CLOSED", "reasons", "The investigation was noted; nothing further is needed."));
        mvc.perform(get(API + "/" + id).with(company()))
                .andExpect(jsonPath("$.state").value("CLOSED"))
                .andExpect(jsonPath("$.conclusion").value("The investigation was noted; nothing further is needed."));

        // The listed case keeps its status; its audit trail holds the event's history; the inbox told the company.
        mvc.perform(get("/api/v1/applications/" + listed.id()).with(company()))
                .andExpect(jsonPath("$.status").value("LISTED"));
        assertThat(audit.of(listed.id())).extracting(AuditEvent::eventType, AuditEvent::stage, AuditEvent::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("MATERIAL_EVENT_REPORTED", null, "OVERSEAS_INVESTIGATION"),
                        org.assertj.core.groups.Tuple.tuple("OUTCOME", "MATERIAL_EVENT", "LATE_REPORT"),
                        org.assertj.core.groups.Tuple.tuple("OUTCOME", "MATERIAL_EVENT", "ACKNOWLEDGED"),
                        org.assertj.core.groups.Tuple.tuple("OUTCOME", "MATERIAL_EVENT", "QUESTIONS_ASKED"),
                        org.assertj.core.groups.Tuple.tuple("MATERIALS_SUPPLIED", null, null),
                        org.assertj.core.groups.Tuple.tuple("OUTCOME", "MATERIAL_EVENT", "CLOSED"));
        List<String> types = audit.of(listed.id()).stream().map(AuditEvent::eventType).toList();
        assertThat(types.subList(types.indexOf("MATERIAL_EVENT_REPORTED"), types.size()))
                .as("what the event recorded on the case").doesNotContain("STAGE_ENTERED", "STATUS_CHANGED", "CLOSED");
        String inbox = page(get("/notifications").param("lang", "en"));
        assertThat(inbox).contains("The CSRC acknowledged the material event you reported for application " + listed.number())
                .contains("The CSRC has questions about a material event you reported for application " + listed.number())
                .contains("Which disclosures does the investigation concern?")
                .contains("The CSRC closed the matter of the material event you reported for application " + listed.number());
    }

    @Test
    void onTheCasePageTheCompanyReportsAnEventFixingWhatWasRefusedAndAnswersTheCsrc() throws Exception {
        String casePage = "/applications/" + listed.number();
        String english = page(get(casePage).param("lang", "en"));
        assertThat(english).contains("Material events").contains("Report a material event");

        String form = page(get(casePage + "/material-events/new").param("lang", "zh_CN"));
        assertThat(form).contains("报告申请 " + listed.number() + " 的重大事项").contains("控制权变更");

        // Refused: the kind and the date are missing; what was typed comes back with the problems.
        String refused = page(post(casePage + "/material-events").param("lang", "en").param("kind", "")
                .param("announcedOn", "").param("description", "Example Holdings now holds 51% of the shares.").with(csrf()));
        assertThat(refused).contains("Please correct the marked fields").contains("id=\"kind-error\"")
                .contains("id=\"announcedOn-error\"").doesNotContain("id=\"description-error\"")
                .contains("Example Holdings now holds 51% of the shares.");

        LocalDate announced = LocalDate.now(Deadlines.BEIJING);
        MvcResult reported = mvc.perform(as(post(casePage + "/material-events").param("kind", "CHANGE_OF_CONTROL")
                        .param("announcedOn", announced.toString())
                        .param("description", "Example Holdings now holds 51% of the shares.").with(csrf())))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(reported.getResponse().getRedirectedUrl()).isEqualTo(casePage + "#material-events");
        // A second click of the same form files nothing new.
        mvc.perform(as(post(casePage + "/material-events").param("kind", "CHANGE_OF_CONTROL")
                        .param("announcedOn", announced.toString())
                        .param("description", "Example Holdings now holds 51% of the shares.").with(csrf())))
                .andExpect(status().is3xxRedirection());
        List<MaterialEvent> ofCase = events.ofCase(COMPANY_USER, listed.number()).stream()
                .filter(e -> e.kind() == MaterialEventKind.CHANGE_OF_CONTROL).toList();
        assertThat(ofCase).hasSize(1);
        MaterialEvent event = ofCase.get(0);
        assertThat(event.late()).isFalse();
        assertThat(event.state()).isEqualTo(MaterialEventState.REPORTED);

        String withEvent = page(get(casePage).param("lang", "en"));
        assertThat(withEvent).contains("id=\"material-event-" + event.id() + "\"").contains("Change of control")
                .contains("Reported; the CSRC has not acknowledged it yet")
                .contains("acknowledging your material event report (CSRC)");

        completeAs("csrc", "csrc-officer", event.processInstanceId(), "Task_AcknowledgeEvent", Map.of());
        completeAs("csrc", "csrc-officer", event.processInstanceId(), "Task_ConcludeEvent",
                Map.of("eventOutcome", "QUESTIONS_ASKED", "reasons", "Who controls Example Holdings?"));
        String question = page(get(casePage).param("lang", "zh_CN"));
        assertThat(question).contains("证监会向贵公司提出问题").contains("Who controls Example Holdings?")
                .contains("重大事项报告（证监会）");
        String taskId = events.questions(events.one(COMPANY_USER, event.id())).get(0).taskId();
        mvc.perform(as(post(casePage + "/materials/" + taskId).param("answer", "Mr. Zhang San.").with(csrf())))
                .andExpect(status().is3xxRedirection());

        completeAs("csrc", "csrc-officer", event.processInstanceId(), "Task_ConcludeEvent",
                Map.of("eventOutcome", "REFERRED", "reasons", "Referred to the listed companies department."));
        String concluded = page(get(casePage).param("lang", "en"));
        assertThat(concluded).contains("Referred by the CSRC for further action")
                .contains("Referred to the listed companies department.").contains("Material event reported");
        assertThat(events.one(COMPANY_USER, event.id()).state()).isEqualTo(MaterialEventState.REFERRED);

        // Another company: not found, and no way to report on this case.
        mvc.perform(get(casePage + "/material-events/new").with(user(otherUser).roles("COMPANY")))
                .andExpect(status().isNotFound());
        mvc.perform(post(casePage + "/material-events").param("kind", "CHANGE_OF_CONTROL")
                        .param("announcedOn", announced.toString()).param("description", "Not ours.")
                        .with(user(otherUser).roles("COMPANY")).with(csrf()))
                .andExpect(status().isNotFound());
        // A case under way offers no report and sends the form back to its page.
        long underWay = submittedCase();
        String underWayNumber = cases.application(COMPANY_USER, underWay).number().toString();
        assertThat(page(get("/applications/" + underWayNumber).param("lang", "en"))).doesNotContain("Report a material event");
        mvc.perform(as(get("/applications/" + underWayNumber + "/material-events/new")))
                .andExpect(status().is3xxRedirection());
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private long submittedCase() {
        var facts = PlatformFacts.platform().users(200_000L).exported(0L).build();
        long id = DraftDocuments.uploadEveryNeeded(cases, COMPANY_USER,
                cases.createDraft(COMPANY_USER, new ApplicationDraft(facts, List.of())).id());
        cases.submit(COMPANY_USER, id);
        return id;
    }

    private void completeAs(String user, String group, String processInstanceId, String taskKey, Map<String, Object> variables) {
        identity.setAuthentication(user, List.of(group));
        try {
            List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                    .taskCandidateGroup(group).list();
            assertThat(open).as(taskKey + " for " + group).hasSize(1);
            tasks.claim(open.get(0).getId(), user);
            tasks.complete(open.get(0).getId(), new java.util.HashMap<>(variables));
        } finally {
            identity.clearAuthentication();
        }
    }

    private String body(long applicationId, String kind, String announcedOn, String description) throws Exception {
        return json.writeValueAsString(Map.of("applicationId", applicationId, "kind", kind, "announcedOn", announcedOn,
                "description", description));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(as(request)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.with(user(COMPANY_USER).roles("COMPANY"));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor company() {
        return httpBasic(COMPANY_USER, "demo");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor otherCompany() {
        return httpBasic(otherUser, OTHER_PASSWORD);
    }

    private JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }
}
