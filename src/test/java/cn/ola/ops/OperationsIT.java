package cn.ola.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;

@DevSystemTest
class OperationsIT {

    @LocalServerPort
    int port;

    @Test
    void healthReportsTheDatabaseAndTheProcessEngineToAnyone() {
        var health = new Browserless(port).get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"processEngine\"");
    }

    @Test
    void healthDetailsAreForProcessAdministrators() {
        Browserless admin = new Browserless(port);
        admin.login("admin", "demo");
        assertThat(admin.get("/actuator/health").body()).contains("\"database\":\"H2\"");

        assertThat(new Browserless(port).get("/actuator/health").body()).doesNotContain("\"database\"");
    }

    @Test
    void infoReportsTheVersion() {
        var info = new Browserless(port).get("/actuator/info");
        assertThat(info.body()).contains("\"artifact\":\"overseas-listing-approval\"").contains("\"version\":\"");
    }

    @Test
    void errorsNeverShowAStackTrace() {
        Browserless browser = new Browserless(port);
        browser.login("cro", "demo");
        var missing = browser.get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("Exception").doesNotContain("at cn.ola");
    }
}
