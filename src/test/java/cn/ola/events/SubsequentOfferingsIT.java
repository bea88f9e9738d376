package cn.ola.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.audit.AuditEvent;
import cn.ola.audit.AuditEventType;
import cn.ola.audit.AuditTrail;
import cn.ola.company.CompanyUsers;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.BusinessFacts;
import cn.ola.filing.DataFacts;
import cn.ola.filing.Declarations;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingFacts;
import cn.ola.filing.StoredDocument;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.support.DraftDocuments;
import cn.ola.support.ListedCase;
import cn.ola.support.NewCompanies;
import cn.ola.support.PlatformFacts;
import cn.ola.workflow.Deadlines;

/**
 * A listed company's later offering on the running system, through the API and the portal: filed late
 * from a listed case (on the NYSE, where it is listed), supplemented, found complete and concluded with
 * a letter; bad input, another market, a case that cannot file and another company's offerings refused.
 * The listed case keeps its status throughout.
 */
@DevSystemTest
class SubsequentOfferingsIT {

    static final String API = "/api/v1/subsequent-offerings";
    static final String COMPANY_USER = "compliance";
    static final String OTHER_PASSWORD = "Other-Company-2026";
    /** One listed case for the class: carrying a case to its listing takes a letter job. */
    static ListingApplication listed;
    static String otherUser;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicantCases cases;
    @Autowired
    SubsequentOfferings offerings;
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
            otherUser = NewCompanies.withUser(companyUsers, "offerings-other-", "丁方数据有限公司", "Fourth Data Co., Ltd.",
                    OTHER_PASSWORD);
        }
    }

    @Test
    void throughTheApiAnOfferingIsFiledSupplementedAndFiledWithALetterWhileTheCaseStaysListed() throws Exception {
        assertThat(listed.status()).isEqualTo("LISTED");
        LocalDate today = LocalDate.now(Deadlines.BEIJING);

        // Bad input: each field named, nothing filed.
        mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(listed.id(), "MOON", today.plusDays(1).toString(), " ")))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.errors[?(@.field == 'exchange')].code").value("UNKNOWN_VALUE"))
                .andExpect(jsonPath("$.errors[?(@.field == 'completedOn')].code").value("IN_THE_FUTURE"))
                .andExpect(jsonPath("$.errors[?(@.field == 'description')].code").value("REQUIRED"));
        // Another company's application is not found; another market is a new application.
        mvc.perform(post(API).with(otherCompany()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(listed.id(), "NYSE", today.toString(), "Not ours.")))
                .andExpect(status().isNotFound());
        mvc.perform(post(API).with(company()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(listed.id(), "HKEX", today.toString(), "A secondary listing in Hong Kong.")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://ola.example.cn/problems/other-market"))
                .andExpect(jsonPath("$.listedExchange").value("NYSE"))
                .andExpect(jsonPath("$.detail", Matchers.containsString("new application")));

        // Filed a month after the completion: late, flagged, taken. A retry with the same key files nothing new.
        String key = UUID.randomUUID().toString();
        String filing = body(listed.id(), "NYSE", today.minusDays(30).toString(),
                "Follow-on offering of 10,000,000 ADSs at USD 12.00, about USD 120 million.");
        JsonNode created = read(mvc.perform(post(API).with(company()).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(filing))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.matchesPattern(API + "/\\d+")))
                .andExpect(jsonPath("$.applicationNumber").value(listed.number().toString()))
                .andExpect(jsonPath("$.state").value("FILED"))
                .andExpect(jsonPath("$.late").value(true))
                .andReturn());
        long id = created.get("id").asLong();
        mvc.perform(post(API).with(company()).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(filing))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(get(API).with(company())).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].exchange").value("NYSE"));
        mvc.perform(get(API + "/" + id).with(otherCompany())).andExpect(status().isNotFound());

        String instance = offerings.one(COMPANY_USER, id).processInstanceId();
        completeAs(instance, "Task_CheckOfferingCompleteness", Map.of("offeringCompletenessOutcome", "SUPPLEMENT_REQUESTED",
                "reasons", "Send the underwriting agreement."));
        JsonNode asked = read(mvc.perform(get(API + "/" + id).with(company()))
                .andExpect(jsonPath("$.state").value("SUPPLEMENT_REQUESTED"))
                .andExpect(jsonPath("$.supplementRequests[0].request").value("Send the underwriting agreement."))
                .andReturn());
        String taskId = asked.at("/supplementRequests/0/taskId").asText();
        mvc.perform(as(post("/applications/" + listed.number() + "/materials/" + taskId)
                        .param("answer", "Attached to this answer.").with(csrf())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(API + "/" + id).with(company())).andExpect(jsonPath("$.state").value("FILED"));

        completeAs(instance, "Task_CheckOfferingCompleteness", Map.of("offeringCompletenessOutcome", "COMPLETE"));
        completeAs(instance, "Task_ConcludeOffering", Map.of("offeringOutcome", "NOTICE_ISSUED",
                "reasons", "The offering is filed."));
        await().atMost(Duration.ofSeconds(90)).until(() -> offerings.one(COMPANY_USER, id).state()
                == SubsequentOfferingState.NOTICE_ISSUED);
        JsonNode concluded = read(mvc.perform(get(API + "/" + id).with(company()))
                .andExpect(jsonPath("$.conclusion").value("The offering is filed."))
                .andExpect(jsonPath("$.letter").value(Matchers.matchesPattern(
                        "/api/v1/applications/" + listed.id() + "/documents/\\d+/content")))
                .andReturn());
        mvc.perform(get(concluded.get("letter").asText()).with(company()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("application/pdf")));

        // Concluded, it can no longer be withdrawn.
        mvc.perform(post(API + "/" + id + "/withdrawal").with(company()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Too late.\"}"))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")));

        // The listed case keeps its status; its documents hold the letter; its audit trail the offering's history.
        mvc.perform(get("/api/v1/applications/" + listed.id()).with(company()))
                .andExpect(jsonPath("$.status").value("LISTED"));
        assertThat(cases.documents(COMPANY_USER, listed.id())).extracting(d -> d.kind())
                .contains("SUBSEQUENT_OFFERING_CONCLUSION");
        assertThat(audit.of(listed.id())).extracting(AuditEvent::eventType, AuditEvent::stage, AuditEvent::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("OUTCOME", "SUBSEQUENT_OFFERING", "LATE_FILING"),
                        org.assertj.core.groups.Tuple.tuple("OUTCOME", "SUBSEQUENT_OFFERING", "SUPPLEMENT_REQUESTED"),
                        org.assertj.core.groups.Tuple.tuple("OUTCOME", "SUBSEQUENT_OFFERING", "COMPLETE"),
                        org.assertj.core.groups.Tuple.tuple("OUTCOME", "SUBSEQUENT_OFFERING", "NOTICE_ISSUED"),
                        org.assertj.core.groups.Tuple.tuple("LETTER_ISSUED", "SUBSEQUENT_OFFERING", "SUBSEQUENT_OFFERING_CONCLUSION"));
        List<String> types = audit.of(listed.id()).stream().map(AuditEvent::eventType).toList();
        assertThat(types.subList(types.indexOf("SUBSEQUENT_OFFERING_FILED"), types.size()))
                .as("what the offering recorded on the case").doesNotContain("STAGE_ENTERED", "STATUS_CHANGED", "CLOSED");
        String inbox = page(get("/notifications").param("lang", "en"));
        assertThat(inbox).contains("The CSRC asks for a supplement to the subsequent offering filed for application " + listed.number())
                .contains("The CSRC filed the subsequent offering for application " + listed.number());
    }

    @Test
    void onTheCasePageTheCompanyFilesAnOfferingFixingWhatWasRefusedAndIsPointedToANewApplicationForAnotherMarket()
            throws Exception {
        String casePage = "/applications/" + listed.number();
        assertThat(page(get(casePage).param("lang", "en"))).contains("Subsequent offerings").contains("File a subsequent offering");
        String form = page(get(casePage + "/subsequent-offerings/new").param("lang", "zh_CN"));
        assertThat(form).contains("备案申请 " + listed.number() + " 项下的后续发行").contains("value=\"NYSE\" selected");

        // Refused: the date is missing; what was typed comes back with the problem.
        String refused = page(post(casePage + "/subsequent-offerings").param("lang", "en").param("exchange", "NYSE")
                .param("completedOn", "").param("description", "Placing of 5,000,000 ADSs.").with(csrf()));
        assertThat(refused).contains("Please correct the marked fields").contains("id=\"completedOn-error\"")
                .doesNotContain("id=\"description-error\"").contains("Placing of 5,000,000 ADSs.");
        // Another market: back with the way to a new application, nothing filed.
        String otherMarket = page(post(casePage + "/subsequent-offerings").param("lang", "en").param("exchange", "LSE")
                .param("completedOn", LocalDate.now(Deadlines.BEIJING).toString())
                .param("description", "Placing of 5,000,000 ADSs.").with(csrf()));
        assertThat(otherMarket).contains("id=\"other-market\"").contains("Start the application for this market from this case")
                .contains("Placing of 5,000,000 ADSs.");

        long openBefore = openOfferingsOnTheDashboard();
        MvcResult filed = mvc.perform(as(post(casePage + "/subsequent-offerings").param("exchange", "NYSE")
                        .param("completedOn", LocalDate.now(Deadlines.BEIJING).toString())
                        .param("description", "Placing of 5,000,000 ADSs.").with(csrf())))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(filed.getResponse().getRedirectedUrl()).isEqualTo(casePage + "#subsequent-offerings");
        SubsequentOffering offering = offerings.ofCase(COMPANY_USER, listed.number()).stream()
                .filter(o -> o.description().equals("Placing of 5,000,000 ADSs.")).findFirst().orElseThrow();
        assertThat(offering.late()).isFalse();
        assertThat(page(get(casePage).param("lang", "en"))).contains("id=\"subsequent-offering-" + offering.id() + "\"")
                .contains("Filed; the CSRC checks it for completeness");

        // The supervisors' dashboard counts it while the CSRC handles it.
        assertThat(openOfferingsOnTheDashboard()).as("open offerings on the dashboard").isEqualTo(openBefore + 1);

        completeAs(offering.processInstanceId(), "Task_CheckOfferingCompleteness", Map.of("offeringCompletenessOutcome", "COMPLETE"));
        completeAs(offering.processInstanceId(), "Task_ConcludeOffering", Map.of("offeringOutcome", "REFUSED",
                "reasons", "The placing needs the approval of the shareholders first."));
        await().atMost(Duration.ofSeconds(90)).until(() -> offerings.one(COMPANY_USER, offering.id()).state()
                == SubsequentOfferingState.REFUSED);
        String concludedPage = page(get(casePage).param("lang", "en"));
        assertThat(concludedPage).contains("Filing refused by the CSRC")
                .contains("The placing needs the approval of the shareholders first.");

        assertThat(openOfferingsOnTheDashboard()).as("open offerings on the dashboard after the conclusion")
                .isEqualTo(openBefore);

        // Every concluded offering of the case keeps a letter of its own: none replaced another.
        Long letter = offerings.one(COMPANY_USER, offering.id()).letterDocumentId();
        assertThat(letter).as("the refusal's letter").isNotNull();
        assertThat(concludedPage).contains("href=\"" + casePage + "/letters/" + letter + "\"")
                .contains("Download the CSRC’s letter on this offering");
        mvc.perform(as(get(casePage + "/letters/" + letter))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("application/pdf")));
        List<SubsequentOffering> concludedOfferings = offerings.ofCase(COMPANY_USER, listed.number()).stream()
                .filter(o -> o.state().concluded()).toList();
        List<StoredDocument> offeringLetters = cases.documents(COMPANY_USER, listed.id()).stream()
                .filter(d -> d.kind().equals("SUBSEQUENT_OFFERING_CONCLUSION")).toList();
        assertThat(offeringLetters).as("no offering's letter replaced").allMatch(StoredDocument::current);
        assertThat(offeringLetters).as("one letter per concluded offering").extracting(StoredDocument::id)
                .containsExactlyInAnyOrderElementsOf(concludedOfferings.stream().map(SubsequentOffering::letterDocumentId).toList());

        // Another company: not found.
        mvc.perform(get(casePage + "/subsequent-offerings/new").with(user(otherUser).roles("COMPANY")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theCompanyWithdrawsAFilingBeforeTheConclusionOnTheCasePageOrThroughTheApi() throws Exception {
        String casePage = "/applications/" + listed.number();
        String today = LocalDate.now(Deadlines.BEIJING).toString();
        long openBefore = openOfferingsOnTheDashboard();
        SubsequentOffering first = offerings.file(COMPANY_USER, listed.number(),
                new SubsequentOfferings.Filing("NYSE", today, "Placing of 3,000,000 ADSs, to be withdrawn on the page."));
        assertThat(page(get(casePage).param("lang", "en"))).contains("id=\"withdraw-offering-" + first.id() + "\"");

        // Without a reason: the page says so, nothing is withdrawn.
        String refused = page(post(casePage + "/subsequent-offerings/" + first.id() + "/withdrawal").param("lang", "en")
                .param("reason", " ").with(csrf()));
        assertThat(refused).contains("id=\"withdrawal-error-" + first.id() + "\"")
                .contains("Please say why your company withdraws the filing.");
        assertThat(offerings.one(COMPANY_USER, first.id()).state()).isEqualTo(SubsequentOfferingState.FILED);

        // With its reason: withdrawn, every step of it ended, the case still listed; a second click changes nothing.
        for (int click = 0; click < 2; click++) {
            mvc.perform(as(post(casePage + "/subsequent-offerings/" + first.id() + "/withdrawal")
                            .param("reason", "The placing was cancelled by the board.").with(csrf())))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl(casePage + "#subsequent-offering-" + first.id()));
        }
        SubsequentOffering withdrawn = offerings.one(COMPANY_USER, first.id());
        assertThat(withdrawn.state()).isEqualTo(SubsequentOfferingState.WITHDRAWN);
        assertThat(withdrawn.letterDocumentId()).isNull();
        assertThat(tasks.createTaskQuery().processInstanceId(withdrawn.processInstanceId()).count()).isZero();
        assertThat(page(get(casePage).param("lang", "en"))).contains("Withdrawn by your company")
                .contains("The placing was cancelled by the board.")
                .doesNotContain("id=\"withdraw-offering-" + first.id() + "\"");
        assertThat(audit.of(listed.id())).extracting(AuditEvent::stage, AuditEvent::outcome, AuditEvent::details)
                .contains(org.assertj.core.groups.Tuple.tuple("SUBSEQUENT_OFFERING", "WITHDRAWN",
                        "The placing was cancelled by the board."));
        assertThat(cases.application(COMPANY_USER, listed.id()).status()).isEqualTo("LISTED");

        // Through the API: the reason is required; another company's offering is not found; then withdrawn.
        SubsequentOffering second = offerings.file(COMPANY_USER, listed.number(),
                new SubsequentOfferings.Filing("NYSE", today, "Placing of 4,000,000 ADSs, to be withdrawn through the API."));
        String withdrawal = API + "/" + second.id() + "/withdrawal";
        mvc.perform(post(withdrawal).with(company()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'reason')].code").value("REQUIRED"));
        mvc.perform(post(withdrawal).with(otherCompany()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Not ours.\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post(withdrawal).with(company()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Postponed to next year.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("WITHDRAWN"))
                .andExpect(jsonPath("$.conclusion").value("Postponed to next year."));
        assertThat(openOfferingsOnTheDashboard()).as("neither is counted as open").isEqualTo(openBefore);
    }

    @Test
    void aListingOnAnotherMarketStartsFromTheListedCaseAsANewApplicationThatBothCasesName() throws Exception {
        String casePage = "/applications/" + listed.number();
        String today = LocalDate.now(Deadlines.BEIJING).toString();

        // The offering form: another market comes back with the way to start that listing's application here.
        String otherMarket = page(post(casePage + "/subsequent-offerings").param("lang", "en").param("exchange", "HKEX")
                .param("completedOn", today).param("description", "Dual primary listing in Hong Kong.").with(csrf()));
        assertThat(otherMarket).contains("id=\"another-market-form\"")
                .contains("Start the application for this market from this case")
                .contains("name=\"exchange\" value=\"HKEX\"");

        // Started (twice, as by a double click): one draft, with what the listed case filed and its listing as the earlier one.
        String location = mvc.perform(as(post(casePage + "/another-market").param("exchange", "HKEX").with(csrf())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/applications/drafts/\\d+/listing");
        long draftId = Long.parseLong(location.split("/")[3]);
        mvc.perform(as(post(casePage + "/another-market").param("exchange", "HKEX").with(csrf())))
                .andExpect(redirectedUrl(location));
        ListingApplication draft = cases.application(COMPANY_USER, draftId);
        String listedOn = audit.of(listed.id()).stream().filter(e -> e.is(AuditEventType.LISTING_REPORTED))
                .map(AuditEvent::outcome).findFirst().orElseThrow();
        assertThat(draft.submitted()).isFalse();
        assertThat(draft.facts().get(ListingFacts.VENUE_EXCHANGE)).isEqualTo("HKEX");
        assertThat(draft.facts().get(ListingFacts.VENUE_REGION)).isEqualTo("HK");
        assertThat(draft.facts().get(BusinessFacts.PREVIOUSLY_LISTED_EXCHANGE)).isEqualTo("NYSE");
        assertThat(draft.facts().get(BusinessFacts.PREVIOUSLY_LISTED_ABROAD_ON)).isEqualTo(LocalDate.parse(listedOn));
        assertThat(draft.facts().get(DataFacts.PERSONAL_INFO_USERS)).isEqualTo(listed.facts().get(DataFacts.PERSONAL_INFO_USERS));
        assertThat(draft.facts().get(ListingFacts.OFFERING_TYPE)).as("the kind of offering is the company's to choose").isNull();
        assertThat(draft.facts().get(Declarations.OWNERSHIP_DISPUTE)).as("declarations are made anew").isNull();
        assertThat(page(get(location).param("lang", "en"))).contains("id=\"follows-listing\"")
                .contains("follows your listing " + listed.number() + " on New York Stock Exchange");
        assertThat(page(get(casePage).param("lang", "en"))).contains("Listings on other markets started from this case")
                .contains("/applications/drafts/" + draftId + "/listing");

        // The API: the same draft for the same market, the listed market refused, another company's case not found.
        String api = "/api/v1/applications/" + listed.id() + "/another-market";
        mvc.perform(post(api).with(company()).contentType(MediaType.APPLICATION_JSON).content("{\"exchange\":\"HKEX\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(draftId))
                .andExpect(jsonPath("$.followsApplicationId").value(listed.id()))
                .andExpect(jsonPath("$.previouslyListedExchange").value("NYSE"));
        mvc.perform(post(api).with(company()).contentType(MediaType.APPLICATION_JSON).content("{\"exchange\":\"NYSE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'exchange')].code").value("SAME_MARKET"));
        mvc.perform(post(api).with(otherCompany()).contentType(MediaType.APPLICATION_JSON).content("{\"exchange\":\"HKEX\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/applications/" + draftId + "/another-market").with(company())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"exchange\":\"LSE\"}"))
                .andExpect(status().isConflict());

        // Submitted, it is a case of its own, screened like a first listing; the staff see both cases name each other.
        var facts = PlatformFacts.platform().issuer("Example Listed Holdings Ltd. (Cayman)").users(400_000L).exported(50_000L)
                .venue("HKEX", "HK").build()
                .with(BusinessFacts.PREVIOUSLY_LISTED_ABROAD_ON, LocalDate.parse(listedOn))
                .with(BusinessFacts.PREVIOUSLY_LISTED_EXCHANGE, "NYSE");
        cases.updateDraft(COMPANY_USER, draftId, draft.version(), new ApplicationDraft(facts, List.of()));
        DraftDocuments.uploadEveryNeeded(cases, COMPANY_USER, draftId);
        ApplicationNumber later = cases.submit(COMPANY_USER, draftId).number();
        assertThat(page(get("/applications/" + later).param("lang", "en")))
                .contains("follows your listing " + listed.number() + " on New York Stock Exchange");
        Browserless officer = new Browserless(port);
        officer.login("csrc", "demo");
        HttpResponse<String> staffLater = officer.get("/staff/applications/" + later + "?lang=en");
        assertThat(staffLater.statusCode()).isEqualTo(200);
        assertThat(staffLater.body()).contains("id=\"follows-listing\"")
                .contains("href=\"/staff/applications/" + listed.number() + "\"");
        HttpResponse<String> staffListed = officer.get("/staff/applications/" + listed.number() + "?lang=en");
        assertThat(staffListed.statusCode()).isEqualTo(200);
        assertThat(staffListed.body()).contains("id=\"listings-elsewhere\"").contains("href=\"/staff/applications/" + later + "\"");
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static final Pattern DASHBOARD_OFFERINGS = Pattern.compile(
            "Subsequent offerings the CSRC is handling \\(later offerings of listed companies on their market\\): (\\d+), of which");

    /** The number the supervisors' dashboard shows on its line for open subsequent offerings. */
    private long openOfferingsOnTheDashboard() throws Exception {
        String dashboard = mvc.perform(get("/staff/dashboard").param("lang", "en").with(user("supervisor").roles("SUPERVISOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher line = DASHBOARD_OFFERINGS.matcher(dashboard);
        assertThat(line.find()).as("the dashboard's line for subsequent offerings").isTrue();
        return Long.parseLong(line.group(1));
    }

    private void completeAs(String processInstanceId, String taskKey, Map<String, Object> variables) {
        identity.setAuthentication("csrc", List.of("csrc-officer"));
        try {
            List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                    .taskCandidateGroup("csrc-officer").list();
            assertThat(open).as(taskKey).hasSize(1);
            tasks.claim(open.get(0).getId(), "csrc");
            tasks.complete(open.get(0).getId(), new java.util.HashMap<>(variables));
        } finally {
            identity.clearAuthentication();
        }
    }

    private String body(long applicationId, String exchange, String completedOn, String description) throws Exception {
        return json.writeValueAsString(Map.of("applicationId", applicationId, "exchange", exchange, "completedOn", completedOn,
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
