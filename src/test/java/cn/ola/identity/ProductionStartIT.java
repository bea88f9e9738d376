package cn.ola.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

import cn.ola.OverseasListingApplication;
import cn.ola.security.Roles;

/** Outside development there are no demo accounts, and no administrator with a guessable password. */
class ProductionStartIT {

    @TempDir
    Path dataDir;

    @Test
    void aFirstStartWithoutAnAdministratorPasswordStopsAndSaysWhatToSet() {
        assertThatThrownBy(() -> start(Map.of()).close())
                .isInstanceOf(MissingAdministratorException.class);

        FailureAnalysis analysis = new MissingAdministratorFailureAnalyzer().analyze(new MissingAdministratorException());
        assertThat(analysis.getDescription()).contains("No process administrator");
        assertThat(analysis.getAction()).contains("OLA_ADMIN_PASSWORD").contains("dev");
    }

    @Test
    void aFirstStartWithAnAdministratorPasswordCreatesThatAdministratorAndNoDemoAccounts() {
        try (ConfigurableApplicationContext app = start(Map.of("ola.admin.username", "chief", "ola.admin.password", "Str0ng-first-secret"))) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.checkPassword("chief", "Str0ng-first-secret")).isTrue();
            assertThat(identity.createUserQuery().memberOfGroup(Roles.CAMUNDA_ADMIN).list())
                    .extracting(u -> u.getId()).containsExactly("chief");
            assertThat(identity.createUserQuery().userId("compliance").count()).isZero();
            assertThat(identity.createUserQuery().userId("admin").count()).isZero();
        }
        // Later starts need no password: the administrator exists.
        try (ConfigurableApplicationContext again = start(Map.of())) {
            assertThat(again.getBean(IdentityService.class).checkPassword("chief", "Str0ng-first-secret")).isTrue();
        }
    }

    private ConfigurableApplicationContext start(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("server.port", "0");
        properties.put("ola.data-dir", dataDir.toString());
        properties.put("camunda.bpm.process-engine-name", "production-start-test");
        properties.put("camunda.bpm.job-execution.enabled", "false");
        properties.putIfAbsent("ola.admin.password", "");
        return new SpringApplicationBuilder(OverseasListingApplication.class).run(asArguments(properties));
    }

    /** As command-line arguments, so that they win over application.yml (builder properties would not). */
    private static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
