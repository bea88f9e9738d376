package cn.ola.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.ola.filing.ListingFacts;
import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.company.CompanyUsers;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.support.DraftDocuments;
import cn.ola.support.LargePlatform;
import cn.ola.support.NewCompanies;

/**
 * The portal's error pages and what happens to a form sent with a session or CSRF token the server
 * no longer knows, as a browser without JavaScript sees it (English; the Chinese pages are covered
 * in a real browser by ErrorPagesAndSessionsIT). The company API keeps answering problem details.
 */
@DevSystemTest
class ErrorPagesIT {

    private static final String PASSWORD = "Errors2026secure";

    @Autowired
    CompanyUsers companyUsers;
    @Autowired
    ApplicantCases cases;
    @LocalServerPort
    int port;

    @Test
    void unknownAndForbiddenPagesAreOurOwnWithAWayBackAndNoTrace() {
        Browserless web = signedIn(companyUser());

        HttpResponse<String> missing = web.get("/no-such-page?lang=en", "Accept", "text/html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found", "Go to the start page", "Sign in with another account")
                .doesNotContain("Whitelabel", "Exception", "at cn.ola", "trace");

        HttpResponse<String> forbidden = web.get("/staff/applications", "Accept", "text/html");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Not allowed", "href=\"/\"").doesNotContain("Whitelabel", "Forbidden");
    }

    @Test
    void theApiStillAnswersProblemDetails() {
        String user = companyUser();
        Browserless api = new Browserless(port);
        HttpResponse<String> missing = api.get("/api/v1/no-such-thing", "Accept", "text/html,application/json",
                "Authorization", basic(user));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> anonymous = api.get("/api/v1/applications", "Accept", "text/html");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void getLogoutShowsTheSignOutButtonAndSigningOutWorks() {
        Browserless web = signedIn(companyUser());
        HttpResponse<String> page = web.get("/logout?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign out now?", "id=\"logout-form\"", "name=\"_csrf\"");
        HttpResponse<String> signedOut = web.postForm("/logout", "/logout", Map.of());
        assertThat(signedOut.headers().firstValue("Location")).as(signedOut.statusCode() + " " + signedOut.body())
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?logout"));
        HttpResponse<String> after = web.get("/applications", "Accept", "text/html");
        assertThat(after.headers().firstValue("Location")).as(after.statusCode() + " " + after.body())
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        assertThat(new Browserless(port).get("/logout", "Accept", "text/html").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aFormSentWithAStaleTokenWhileSignedInComesBackFilledInAndUnsaved() {
        String user = companyUser();
        long draft = cases.createDraft(user, new ApplicationDraft(LargePlatform.facts("INTERNET"), List.of())).id();
        Browserless web = signedIn(user);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("_csrf", "a-token-from-before-signing-in-again");
        typed.put("version", "0");
        typed.put("offshoreIssuer", "Stale Token Holdings Ltd.");
        typed.put("venueExchange", "OTHER");
        typed.put("venueExchangeName", "Stale Token Exchange");
        typed.put("action", "save");

        HttpResponse<String> refused = web.postFormWithoutToken("/applications/drafts/" + draft + "/listing", typed);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/applications/drafts/" + draft + "/listing");
        String page = web.get("/applications/drafts/" + draft + "/listing?lang=en").body();
        assertThat(page).contains("id=\"form-kept\"", "value=\"Stale Token Holdings Ltd.\"",
                "value=\"Stale Token Exchange\"");
        assertThat(cases.application(user, draft).facts().get(ListingFacts.OFFSHORE_ISSUER)).isEqualTo("Example Data Holdings Ltd. (Cayman)");
        assertThat(web.get("/applications/drafts/" + draft + "/listing").body()).as("shown once")
                .doesNotContain("id=\"form-kept\"").contains("value=\"Example Data Holdings Ltd. (Cayman)\"");
    }

    @Test
    void aWithdrawalReasonTypedWhenTheSessionHadEndedComesBackAfterSigningIn() {
        String user = companyUser();
        String number = submitted(user);
        Browserless web = new Browserless(port);

        HttpResponse<String> refused = web.postFormWithoutToken("/applications/" + number + "/withdraw",
                Map.of("_csrf", "from-the-lost-session", "reason", "董事会决定推迟上市计划", "password", "never kept"));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
        assertThat(web.get("/login?expired&lang=en").body()).contains("Your session had expired");
        HttpResponse<String> signedIn = web.login(user, PASSWORD);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/applications/" + number + "/withdraw");

        String page = web.get("/applications/" + number + "/withdraw?lang=en").body();
        assertThat(page).contains("id=\"form-kept\"", ">董事会决定推迟上市计划</textarea>").doesNotContain("never kept");
        assertThat(cases.overview(user, cn.ola.filing.ApplicationNumber.parse(number)).open()).as("nothing was sent").isTrue();
    }

    @Test
    void registrationTypedWhenTheSessionHadEndedComesBackWithoutItsPasswords() {
        Browserless web = new Browserless(port);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("_csrf", "from-the-lost-session");
        typed.put("nameZh", "过期注册科技股份有限公司");
        typed.put("contactPerson", "吴芳");
        typed.put("password", "Typed2026secret");

        HttpResponse<String> refused = web.postFormWithoutToken("/register", typed);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).as("no account needed: straight back")
                .endsWith("/register");
        String page = web.get("/register?lang=en").body();
        assertThat(page).contains("id=\"form-kept\"", "value=\"过期注册科技股份有限公司\"", "value=\"吴芳\"")
                .doesNotContain("Typed2026secret");
        assertThat(web.get("/register").body()).as("shown once").doesNotContain("过期注册科技股份有限公司");
    }

    @Test
    void anInvitationTypedWithAStaleTokenComesBackWithoutItsPasswords() {
        Browserless web = signedIn(companyUser());
        HttpResponse<String> refused = web.postFormWithoutToken("/company/users", Map.of("_csrf", "stale",
                "userName", "new-colleague", "lastName", "郑", "password", "Typed2026secret"));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/company/users");
        assertThat(web.get("/company/users?lang=en").body()).contains("id=\"form-kept\"", "value=\"new-colleague\"",
                "value=\"郑\"").doesNotContain("Typed2026secret");
        assertThat(companyUsers.userIdTaken("new-colleague")).as("nobody was invited").isFalse();
    }

    private String companyUser() {
        return NewCompanies.withUser(companyUsers, "errors", "错误页面测试股份有限公司", null, PASSWORD);
    }

    private String submitted(String user) {
        long id = cases.createDraft(user, new ApplicationDraft(LargePlatform.facts("INTERNET"), List.of())).id();
        DraftDocuments.uploadEveryNeeded(cases, user, id);
        return cases.submit(user, id).number().toString();
    }

    private Browserless signedIn(String user) {
        Browserless web = new Browserless(port);
        assertThat(web.login(user, PASSWORD).statusCode()).isEqualTo(302);
        return web;
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
