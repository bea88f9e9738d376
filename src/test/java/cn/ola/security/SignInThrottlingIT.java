package cn.ola.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;

import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;

/**
 * Failed sign-ins on the running system, behind a load balancer that forwards the client's
 * address (each test's "client" sends its own {@code X-Forwarded-For}, which the server is told
 * to trust). The rule is the production one with shorter times: 3 free failures per user name,
 * then 200 ms doubling up to 1 s; 10 failures per address within 10 minutes.
 */
@DevSystemTest
@Tag("own-system")
@TestPropertySource(properties = {"server.forward-headers-strategy=native", "ola.sign-in.free-failures=3",
        "ola.sign-in.delay-base=200ms", "ola.sign-in.delay-max=1s", "ola.sign-in.address-max-failures=10",
        "ola.sign-in.address-window=10m"})
class SignInThrottlingIT {

    private static final Pattern LOGIN_ERROR = Pattern.compile("id=\"login-error\"[^>]*>([^<]*)<");
    private static final String WRONG = "The user name or password is wrong.";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void aStrangersFiftyWrongPasswordsDoNotKeepTheUserOut() {
        Browserless stranger = client("203.0.113.10");
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> answer = i % 2 == 0 ? stranger.login("compliance", "guess-" + i)
                    : stranger.getWithBasic("/api/v1/applications", "compliance", "guess-" + i);
            assertThat(answer.statusCode()).as("attempt %d", i).isIn(302, 401, 429);
            if (i % 2 == 0) {
                assertThat(loginError(stranger)).as("attempt %d", i)
                        .matches("The user name or password is wrong\\.|Too many failed sign-in attempts\\. .*");
            }
        }
        UserEntity account = (UserEntity) identity.createUserQuery().userId("compliance").singleResult();
        assertThat(account.getAttempts()).as("Camunda's own count").isLessThan(engine.getLoginMaxAttempts());

        // From their own office, the right password gets in as soon as the short wait is over.
        Browserless user = client("198.51.100.20");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> signedIn(user.login("compliance", "demo")));
        assertThat(user.get("/").body()).contains("compliance");
        assertThat(client("198.51.100.21").getWithBasic("/api/v1/applications", "compliance", "demo").statusCode())
                .isEqualTo(200);
    }

    @Test
    void manyFailuresFromOneAddressAreThrottledForThatAddressOnly() {
        String prober = "203.0.113.20";
        for (int i = 0; i < 10; i++) {
            client(prober).login("nobody-" + UUID.randomUUID(), "guess");
        }

        Browserless sameAddress = client(prober);
        assertThat(sameAddress.login("cro", "demo").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(loginError(sameAddress)).matches("Too many failed sign-in attempts\\. Please try again after \\d{2}:\\d{2} \\(Beijing time\\)\\.");

        HttpResponse<String> api = client(prober).getWithBasic("/api/v1/applications", "compliance", "demo");
        assertThat(api.statusCode()).isEqualTo(429);
        assertThat(api.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s))
                .isBetween(60L, 600L));
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"type\":\"https://ola.example.cn/problems/too-many-sign-in-attempts\"")
                .contains("\"status\":429").contains("Too many failed sign-in attempts");

        HttpResponse<String> engineApi = client(prober).getWithBasic("/engine-rest/task", "cro", "demo");
        assertThat(engineApi.statusCode()).isEqualTo(429);
        assertThat(engineApi.headers().firstValue("Retry-After")).isPresent();
        assertThat(engineApi.body()).contains("\"type\":\"AuthenticationException\"").contains("Too many failed sign-in attempts");

        assertThat(signedIn(client("198.51.100.30").login("cro", "demo"))).isTrue();
        assertThat(client("198.51.100.30").getWithBasic("/engine-rest/task", "cro", "demo").statusCode()).isEqualTo(200);
        assertThat(client("198.51.100.30").getWithBasic("/api/v1/applications", "compliance", "demo").statusCode())
                .isEqualTo(200);
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheIdenticalAnswer() {
        Browserless unknown = client("192.0.2.40");
        Browserless wrong = client("192.0.2.41");
        unknown.login("nobody-" + UUID.randomUUID(), "guess");
        wrong.login("csrc", "guess");
        assertThat(loginError(unknown)).isEqualTo(WRONG).isEqualTo(loginError(wrong));

        Browserless chinese = client("192.0.2.42", "Accept-Language", "zh-CN");
        chinese.login("nobody-" + UUID.randomUUID(), "guess");
        assertThat(loginError(chinese)).isEqualTo("用户名或密码错误。");

        HttpResponse<String> apiUnknown = client("192.0.2.43").getWithBasic("/api/v1/applications", "nobody-x", "guess");
        HttpResponse<String> apiWrong = client("192.0.2.44").getWithBasic("/api/v1/applications", "compliance", "guess");
        assertThat(apiUnknown.statusCode()).isEqualTo(401).isEqualTo(apiWrong.statusCode());
        assertThat(apiUnknown.body()).isEqualTo(apiWrong.body()).contains(WRONG);

        HttpResponse<String> restUnknown = client("192.0.2.45").getWithBasic("/engine-rest/task", "nobody-x", "guess");
        HttpResponse<String> restWrong = client("192.0.2.46").getWithBasic("/engine-rest/task", "csrc", "guess");
        assertThat(restUnknown.statusCode()).isEqualTo(401).isEqualTo(restWrong.statusCode());
        assertThat(withoutTime(restUnknown.body())).isEqualTo(withoutTime(restWrong.body()));
        assertThat(restUnknown.headers().firstValue("WWW-Authenticate")).isEqualTo(restWrong.headers().firstValue("WWW-Authenticate"));
    }

    @Test
    void anAdministratorLocksAnAccountUntilAnAdministratorUnlocksIt() {
        String id = "locked-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setFirstName("Lin");
        user.setLastName("Locked");
        user.setPassword("right-Passw0rd");
        identity.saveUser(user);
        identity.createMembership(id, Roles.CRO_REVIEWER);
        Browserless admin = client("192.0.2.50");
        assertThat(signedIn(admin.login("admin", "demo"))).isTrue();

        HttpResponse<String> locked = admin.postForm("/staff/accounts", "/staff/accounts/lock", Map.of("userId", id));
        assertThat(locked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff/accounts"));
        String page = admin.get("/staff/accounts").body();
        assertThat(page).contains("The account " + id + " is locked");
        assertThat(section(page, "locked")).contains(id).contains("Lin Locked");

        Browserless owner = client("192.0.2.51");
        owner.login(id, "right-Passw0rd");
        assertThat(loginError(owner)).isEqualTo("This account has been locked by an administrator. Please ask a process "
                + "administrator to unlock it.");
        owner.login(id, "wrong-Passw0rd");
        assertThat(loginError(owner)).isEqualTo(WRONG);
        assertThat(client("192.0.2.52").getWithBasic("/engine-rest/task", id, "right-Passw0rd").statusCode()).isEqualTo(401);

        // Camunda Admin's "Unlock" (the same call through the engine's REST API) lifts it.
        assertThat(admin.postWithBasic("/engine-rest/user/" + id + "/unlock", "admin", "demo", "").statusCode())
                .isEqualTo(204);
        assertThat(signedIn(client("192.0.2.53").login(id, "right-Passw0rd"))).isTrue();

        // So does the administrators' page.
        admin.postForm("/staff/accounts", "/staff/accounts/lock", Map.of("userId", id));
        assertThat(signedIn(client("192.0.2.54").login(id, "right-Passw0rd"))).isFalse();
        admin.postForm("/staff/accounts", "/staff/accounts/unlock", Map.of("userId", id));
        assertThat(admin.get("/staff/accounts").body()).contains("The account " + id + " is unlocked");
        assertThat(signedIn(client("192.0.2.55").login(id, "right-Passw0rd"))).isTrue();

        admin.postForm("/staff/accounts", "/staff/accounts/lock", Map.of("userId", "admin"));
        assertThat(admin.get("/staff/accounts").body()).contains("You cannot lock your own account.");
    }

    @Test
    void onlyAdministratorsReachTheAccountsPage() {
        Browserless reviewer = client("192.0.2.60");
        reviewer.login("cro", "demo");
        assertThat(reviewer.get("/staff/accounts").statusCode()).isEqualTo(403);
        Browserless admin = client("192.0.2.61");
        admin.login("admin", "demo");
        assertThat(admin.get("/staff/accounts").body()).contains("Failed sign-ins never lock an account: after 3 failures");
    }

    private Browserless client(String address, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Forwarded-For";
        all[1] = address;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return new Browserless(port, all);
    }

    private static boolean signedIn(HttpResponse<String> login) {
        return login.statusCode() == 302 && login.headers().firstValue("Location").map(l -> !l.contains("/login")).orElse(false);
    }

    /** The reason the login page shows after a failed sign-in. */
    private static String loginError(Browserless browser) {
        Matcher error = LOGIN_ERROR.matcher(browser.get("/login?error").body());
        return error.find() ? HtmlUtils.htmlUnescape(error.group(1).strip()) : "(no message)";
    }

    private static String withoutTime(String errorBody) {
        return errorBody.replaceAll("\"timestamp\":\"[^\"]*\",?", "");
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        return start < 0 ? "" : page.substring(start, Math.min(page.length(), start + 2000));
    }
}
