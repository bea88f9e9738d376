package cn.ola.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.applicant.DocumentKind;
import cn.ola.applicant.Upload;
import cn.ola.audit.AuditTrail;
import cn.ola.company.Company;
import cn.ola.company.CompanyUsers;
import cn.ola.company.NewUser;
import cn.ola.filing.DocumentStore;
import cn.ola.filing.StoredDocument;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.support.DraftDocuments;
import cn.ola.support.LargePlatform;
import cn.ola.support.NewCompanies;
import cn.ola.support.Race;

/**
 * A company user's own account and the company's drafts and colleagues, as the pages and the API
 * answer: changing one's password, removing a colleague (never oneself, never another company's
 * user), deleting a draft with its documents, drafts that can be told apart, and whom to contact
 * about the company's registered details.
 */
@DevSystemTest
class AccountBasicsIT {

    private static final String PASSWORD = "Account2026secure";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;
    @Autowired
    CompanyUsers companyUsers;
    @Autowired
    ApplicantCases cases;
    @Autowired
    AuditTrail audit;
    @Autowired
    DocumentStore documents;
    @LocalServerPort
    int port;

    @Test
    void aCompanyUserChangesTheirPasswordAndSignsInWithTheNewOne() throws Exception {
        String user = company("改密科技股份有限公司").get(0);

        String wrong = page(post("/account/password").with(as(user)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE)
                .param("currentPassword", "not-my-password").param("newPassword", "Brand2027newer")
                .param("newPasswordConfirmation", "Brand2027newer"), 422);
        assertThat(wrong).contains("当前密码不正确").doesNotContain("Brand2027newer");
        String weak = page(post("/account/password").with(as(user)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE)
                .param("currentPassword", PASSWORD).param("newPassword", "short1").param("newPasswordConfirmation", "other"),
                422);
        assertThat(weak).contains("密码至少需要 10 个字符", "两次输入的密码不一致");

        MvcResult changed = mvc.perform(post("/account/password").with(as(user)).with(csrf())
                .param("currentPassword", PASSWORD).param("newPassword", "Brand2027newer")
                .param("newPasswordConfirmation", "Brand2027newer")).andReturn();
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        assertThat(changed.getFlashMap().get("changed")).isEqualTo(true);

        assertThat(new Browserless(port).login(user, PASSWORD).headers().firstValue("Location").orElseThrow())
                .as("the old password no longer signs in").contains("/login?error");
        assertThat(new Browserless(port).login(user, "Brand2027newer").headers().firstValue("Location").orElseThrow())
                .doesNotContain("/login");
    }

    @Test
    void staffAreSentToCamundaToChangeTheirPassword() throws Exception {
        String page = page(get("/account/password").with(user("csrc").roles("STAFF", "CSRC_OFFICER")), 200);
        assertThat(page).contains("Camunda", "/camunda/app/welcome/default/").doesNotContain("currentPassword");
        mvc.perform(post("/account/password").with(user("csrc").roles("STAFF")).with(csrf())
                .param("currentPassword", "demo").param("newPassword", "Brand2027newer")
                .param("newPasswordConfirmation", "Brand2027newer"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(403));
    }

    @Test
    void aColleagueIsRemovedButNeverOneselfNorAnotherCompanysUser() throws Exception {
        List<String> a = company("甲方移除测试股份有限公司");
        String first = a.get(0);
        String second = a.get(1);
        String outsider = company("乙方移除测试股份有限公司").get(0);

        String users = page(get("/company/users").with(as(first)).locale(Locale.SIMPLIFIED_CHINESE), 200);
        assertThat(users).contains("/company/users/" + second + "/remove").doesNotContain("/company/users/" + first + "/remove");
        assertThat(page(get("/company/users/" + second + "/remove").with(as(first)).locale(Locale.SIMPLIFIED_CHINESE), 200))
                .contains("确定移除 " + second, "确定移除此用户");

        assertThat(removal(outsider, second).getFlashMap().get("refused")).isEqualTo(
                new CompanyUsersController.Refusal(CompanyUsers.Removal.NOT_A_MEMBER, second));
        assertThat(removal(first, first).getFlashMap().get("refused")).isEqualTo(
                new CompanyUsersController.Refusal(CompanyUsers.Removal.YOURSELF, first));
        assertThat(companyUsers.userIdTaken(second)).isTrue();

        MvcResult removed = removal(first, second);
        assertThat(removed.getFlashMap().get("removed")).isEqualTo(second);
        assertThat(companyUsers.userIdTaken(second)).isFalse();
        assertThat(page(get("/company/users").with(as(first)).cookie(removed.getResponse().getCookies())
                .locale(Locale.SIMPLIFIED_CHINESE), 200)).contains("用户 " + second + " 已移除");
        // A double click: nothing more happens, and the page says why.
        assertThat(removal(first, second).getFlashMap().get("refused")).isEqualTo(
                new CompanyUsersController.Refusal(CompanyUsers.Removal.NOT_A_MEMBER, second));
        assertThat(new Browserless(port).login(second, PASSWORD).headers().firstValue("Location").orElseThrow())
                .contains("/login?error");
    }

    @Test
    void twoColleaguesRemovingEachOtherAtOnceLeaveTheCompanyOneUser() throws Exception {
        List<String> a = company("互删测试股份有限公司");
        Company company = companyUsers.companyOf(a.get(0)).orElseThrow();
        try (Race race = new Race()) {
            List<CompanyUsers.Removal> outcomes = race.run(() -> companyUsers.remove(a.get(0), a.get(1)),
                    () -> companyUsers.remove(a.get(1), a.get(0)));
            assertThat(outcomes).containsExactlyInAnyOrder(CompanyUsers.Removal.REMOVED, CompanyUsers.Removal.NOT_A_MEMBER);
        }
        assertThat(companyUsers.members(company)).hasSize(1);
    }

    @Test
    void aDraftIsDeletedWithItsDocumentsAfterConfirmation() throws Exception {
        List<String> a = company("删除草稿测试股份有限公司");
        String user = a.get(0);
        String outsider = company("旁观测试股份有限公司").get(0);
        long draft = cases.createDraft(user, new ApplicationDraft(LargePlatform.facts("INTERNET"), List.of())).id();
        StoredDocument document = cases.upload(user, draft, DocumentKind.PROSPECTUS, new Upload("prospectus.pdf", PDF));
        assertThat(documents.content(document)).isEqualTo(PDF);

        String list = page(get("/applications").with(as(user)).locale(Locale.SIMPLIFIED_CHINESE), 200);
        assertThat(list).contains("Example Data Holdings Ltd. (Cayman)", "纽约证券交易所", "最后修改",
                "/applications/drafts/" + draft + "/delete");
        assertThat(page(get("/applications/drafts/" + draft + "/delete").with(as(user)).locale(Locale.SIMPLIFIED_CHINESE), 200))
                .contains("确定删除此草稿吗", "1 份文件", "Example Data Holdings Ltd. (Cayman)");
        assertThat(page(get("/applications/drafts/" + draft + "/delete").with(as(outsider)), 404))
                .doesNotContain("纽约证券交易所", "New York Stock Exchange", "NYSE");

        // Another company's user cannot delete it: it reads as gone, and stays.
        MvcResult foreign = mvc.perform(post("/applications/drafts/" + draft + "/delete").with(as(outsider)).with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE)).andReturn();
        assertThat(foreign.getFlashMap().get(ApplicationFormController.NOTE)).isEqualTo("此草稿已不存在：它已被删除。");
        assertThat(cases.application(user, draft).id()).isEqualTo(draft);

        MvcResult deleted = mvc.perform(post("/applications/drafts/" + draft + "/delete").with(as(user)).with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE)).andReturn();
        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/applications");
        assertThat(deleted.getFlashMap().get(ApplicationFormController.NOTE)).isEqualTo("草稿及其 1 份文件已删除。");
        assertThat(documents.find(document.id())).as("the document, its bytes with it").isEmpty();
        assertThat(cases.applications(user)).noneMatch(application -> application.id() == draft);
        page(get("/applications/drafts/" + draft + "/listing").with(as(user)), 404);
        assertThat(audit.of(draft)).anyMatch(event -> event.eventType().equals("DRAFT_DELETED") && event.actor().equals(user));

        // A second click is told the draft is gone already.
        MvcResult again = mvc.perform(post("/applications/drafts/" + draft + "/delete").with(as(user)).with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE)).andReturn();
        assertThat(again.getFlashMap().get(ApplicationFormController.NOTE)).isEqualTo("此草稿已不存在：它已被删除。");
    }

    @Test
    void aSubmittedApplicationIsNotDeleted() throws Exception {
        String user = company("已提交测试股份有限公司").get(0);
        long id = submittedApplication(user);
        String number = cases.application(user, id).number().toString();

        MvcResult refused = mvc.perform(post("/applications/drafts/" + id + "/delete").with(as(user)).with(csrf())
                .locale(Locale.ENGLISH)).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/applications/" + number + "/submitted");
        assertThat(refused.getFlashMap().get(ApplicationFormController.NOTE))
                .isEqualTo("This application was submitted meanwhile as " + number + ", so it was not deleted.");
        assertThat(cases.application(user, id).submitted()).isTrue();
    }

    @Test
    void aDeletionAndASubmissionAtTheSameMomentLeaveOneOfThem() throws Exception {
        String user = company("删除与提交竞争股份有限公司").get(0);
        for (int pair = 0; pair < 5; pair++) {
            long draft = completeDraft(user);
            List<Object> outcomes;
            try (Race race = new Race()) {
                outcomes = race.run(() -> outcome(() -> cases.deleteDraft(user, draft)),
                        () -> outcome(() -> cases.submit(user, draft)));
            }
            boolean deleted = cases.applications(user).stream().noneMatch(application -> application.id() == draft);
            assertThat(outcomes).as("pair %d", pair).containsExactlyInAnyOrder(deleted
                    ? List.of("done", "ApplicationNotFoundException").toArray()
                    : List.of("AlreadySubmittedException", "done").toArray());
            if (!deleted) {
                assertThat(cases.application(user, draft).submitted()).isTrue();
            }
        }
    }

    private static Object outcome(java.util.concurrent.Callable<?> action) {
        try {
            action.call();
            return "done";
        } catch (Exception refused) {
            return refused.getClass().getSimpleName();
        }
    }

    @Test
    void theApiDeletesOnlyTheCompanysOwnDrafts() throws Exception {
        String user = company("接口删除测试股份有限公司").get(0);
        String outsider = company("接口旁观测试股份有限公司").get(0);
        long draft = cases.createDraft(user, new ApplicationDraft(LargePlatform.facts("INTERNET"), List.of())).id();
        long submitted = submittedApplication(user);
        Browserless api = new Browserless(port);

        HttpResponse<String> foreign = api.deleteWithBasic("/api/v1/applications/" + draft, outsider, PASSWORD);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> notADraft = api.deleteWithBasic("/api/v1/applications/" + submitted, user, PASSWORD);
        assertThat(notADraft.statusCode()).isEqualTo(409);
        assertThat(notADraft.body()).contains("already-submitted", cases.application(user, submitted).number().toString());

        assertThat(api.deleteWithBasic("/api/v1/applications/" + draft, user, PASSWORD).statusCode()).isEqualTo(204);
        assertThat(api.getWithBasic("/api/v1/applications/" + draft, user, PASSWORD).statusCode()).isEqualTo(404);
        HttpResponse<String> again = api.deleteWithBasic("/api/v1/applications/" + draft, user, PASSWORD);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void theRegulatorsContactForRegisteredDetailsIsNamedInBothLanguages() throws Exception {
        String user = company("联系方式测试股份有限公司").get(0);
        long draft = cases.createDraft(user, new ApplicationDraft(LargePlatform.facts("INTERNET"), List.of())).id();
        assertThat(page(get("/applications/drafts/" + draft + "/company").with(as(user)).locale(Locale.SIMPLIFIED_CHINESE), 200))
                .contains("如需变更企业登记信息，请联系中国证监会国际合作司境外上市备案办公室", "filing@ola.example.cn")
                .doesNotContain("门户管理员");
        assertThat(page(get("/company/users").with(as(user)).locale(Locale.ENGLISH), 200))
                .contains("contact CSRC Department of International Affairs, Overseas Listing Filing Office");
    }

    /** Registers a company with two users; their user names. */
    private List<String> company(String name) {
        String first = NewCompanies.withUser(companyUsers, "acct", name, null, PASSWORD);
        String second = first + "-2";
        companyUsers.invite(companyUsers.companyOf(first).orElseThrow(),
                new NewUser(second, "丽", "孙", second + "@example.cn", PASSWORD));
        return List.of(first, second);
    }

    private long submittedApplication(String user) {
        long id = completeDraft(user);
        cases.submit(user, id);
        return id;
    }

    private long completeDraft(String user) {
        long id = cases.createDraft(user, new ApplicationDraft(LargePlatform.facts("INTERNET"), List.of())).id();
        DraftDocuments.uploadEveryNeeded(cases, user, id);
        return id;
    }

    private MvcResult removal(String actor, String colleague) throws Exception {
        return mvc.perform(post("/company/users/" + colleague + "/remove").with(as(actor)).with(csrf())).andReturn();
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(status);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static RequestPostProcessor as(String user) {
        return user(user).roles("COMPANY");
    }
}
