package cn.ola.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;

/** One login for portal, Tasklist, Cockpit, Admin and the engine's REST API, on the running system. */
@DevSystemTest
class SingleLoginIT {

    private static final String AUTH_USER = "/camunda/api/admin/auth/user/default";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Test
    void signingInAtThePortalOpensCockpitWithoutASecondLogin() {
        Browserless browser = new Browserless(port);
        assertThat(browser.login("admin", "demo").headers().firstValue("Location")).hasValue("http://localhost:" + port + "/");

        HttpResponse<String> cockpit = browser.get("/camunda/app/cockpit/default/");
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.body()).containsIgnoringCase("cockpit");

        HttpResponse<String> who = browser.get(AUTH_USER);
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(who.body()).contains("\"userId\":\"admin\"").contains("cockpit").contains("admin").contains("tasklist");
    }

    @Test
    void aReviewerGetsTasklistButNotCockpitOrAdmin() {
        Browserless browser = new Browserless(port);
        browser.login("cro", "demo");
        assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);

        String apps = browser.get(AUTH_USER).body();
        assertThat(apps).contains("\"userId\":\"cro\"").contains("tasklist").doesNotContain("cockpit").doesNotContain("\"admin\"");
    }

    @Test
    void aCompanyUserIsRefusedByCockpitAdminTasklistAndTheEngineApi() {
        Browserless browser = new Browserless(port);
        browser.login("compliance", "demo");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
        assertThat(browser.getWithBasic("/engine-rest/task", "compliance", "demo").statusCode()).isEqualTo(403);
    }

    @Test
    void signingOutAtThePortalEndsTheCamundaSessionToo() {
        Browserless browser = new Browserless(port);
        browser.login("admin", "demo");
        browser.get("/camunda/app/cockpit/default/");
        assertThat(browser.get(AUTH_USER).statusCode()).isEqualTo(200);

        HttpResponse<String> out = browser.logout();
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));

        assertThat(browser.get(AUTH_USER).statusCode()).isEqualTo(401);
        assertThat(browser.get("/camunda/app/cockpit/default/", "Accept", "text/html").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void signingOutInCockpitEndsThePortalSessionToo() {
        Browserless browser = new Browserless(port);
        browser.login("admin", "demo");
        browser.get("/camunda/app/cockpit/default/");

        assertThat(browser.post(AUTH_USER + "/logout").statusCode()).isEqualTo(204);

        assertThat(browser.get("/", "Accept", "text/html").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void theEngineApiNeverAnswersAnonymousCalls() {
        HttpResponse<String> anonymous = new Browserless(port).get("/engine-rest/engine");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(new Browserless(port).getWithBasic("/engine-rest/engine", "nobody-" + UUID.randomUUID(), "wrong").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theEngineApiRunsWithCamundaAuthorizations() {
        Browserless client = new Browserless(port);
        assertThat(client.getWithBasic("/engine-rest/task", "cro", "demo").statusCode()).isEqualTo(200);
        // A reviewer may read definitions but has no grant to start cases behind the portal's back.
        assertThat(client.getWithBasic("/engine-rest/process-definition/key/overseas-listing", "cro", "demo").statusCode())
                .isEqualTo(200);
        HttpResponse<String> start = client.postWithBasic("/engine-rest/process-definition/key/overseas-listing/start",
                "cro", "demo", "{}");
        assertThat(start.statusCode()).isEqualTo(403);
        assertThat(start.body()).contains("AuthorizationException");
    }

    @Test
    void aStaffUserCreatedInCamundaCanSignInAtOnce() {
        String id = "new-reviewer-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(id);
        user.setFirstName("New");
        user.setLastName("Reviewer");
        user.setPassword("s3cret-Passw0rd");
        identityService.saveUser(user);
        identityService.createMembership(id, Roles.CRO_REVIEWER);

        Browserless browser = new Browserless(port);
        assertThat(browser.login(id, "s3cret-Passw0rd").headers().firstValue("Location")).hasValue("http://localhost:" + port + "/");
        assertThat(browser.get("/").body()).contains(id);
        assertThat(browser.getWithBasic("/engine-rest/task", id, "s3cret-Passw0rd").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsSaidPlainlyAndTheRightOneThenGetsInAtOnce() {
        String id = "typo-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(id);
        user.setPassword("right-Passw0rd");
        identityService.saveUser(user);
        identityService.createMembership(id, Roles.CRO_REVIEWER);

        Browserless browser = new Browserless(port);
        HttpResponse<String> wrong = browser.login(id, "wrong");
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(browser.get("/login?error").body()).contains("The user name or password is wrong").contains("value=\"" + id + "\"");

        // A typing error costs nothing: failed sign-ins wait only after a few in a row (SignInThrottlingIT).
        HttpResponse<String> right = browser.login(id, "right-Passw0rd");
        assertThat(right.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/");
        assertThat(new Browserless(port).getWithBasic("/engine-rest/task", id, "right-Passw0rd").statusCode()).isEqualTo(200);
    }

    @Test
    void ourFormsRequireTheCsrfToken() {
        Browserless browser = new Browserless(port);
        // Refused without the token: not signed in, but sent back to sign in (the page says the session expired).
        HttpResponse<String> signIn = browser.postFormWithoutToken("/login", Map.of("username", "admin", "password", "demo"));
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
        assertThat(browser.get("/", "Accept", "text/html").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        browser.login("admin", "demo");
        // Not signed out without the token: the sign-out page offers the button instead.
        HttpResponse<String> signOut = browser.postFormWithoutToken("/logout", Map.of());
        assertThat(signOut.headers().firstValue("Location").orElseThrow()).endsWith("/logout");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesCarrySecurityHeaders() {
        HttpResponse<String> login = new Browserless(port).get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("HttpOnly"));
    }

    @Test
    void aBrowserThatIsNotSignedInIsSentToTheLoginPage() {
        HttpResponse<String> home = new Browserless(port).get("/", "Accept", "text/html");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
