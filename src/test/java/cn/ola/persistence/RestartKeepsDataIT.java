package cn.ola.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ola.OverseasListingApplication;
import cn.ola.support.MySqlDatabase;

/**
 * The system starts on its database, migrates our tables, lets Camunda create its schema, runs
 * a case to a user task and completes it — and a second start on the same database finds
 * everything again. Once on the embedded H2 file database, once on MySQL.
 */
class RestartKeepsDataIT {

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedH2FileDatabaseKeepsItsDataAcrossARestart() {
        provesRestartKeepsData(Map.of(), "h2");
    }

    @Test
    @ExtendWith(MySqlDatabase.class)
    void mySqlKeepsItsDataAcrossARestart() {
        provesRestartKeepsData(MySqlDatabase.connection().asProperties(), "mysql", "mysql");
    }

    private void provesRestartKeepsData(Map<String, Object> database, String expectedDatabaseType, String... profiles) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String waiting = "restart-waiting-" + run;
        String completed = "restart-completed-" + run;

        try (ConfigurableApplicationContext first = start(database, profiles)) {
            ProcessEngine engine = first.getBean(ProcessEngine.class);
            assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())
                    .isEqualTo(expectedDatabaseType);
            assertThat(appliedMigrations(first)).isPositive();
            engine.getRepositoryService().createDeployment().name("restart-smoke")
                    .addClasspathResource("bpmn-it/restart-smoke.bpmn").enableDuplicateFiltering(true).deploy();

            RuntimeService runtime = engine.getRuntimeService();
            TaskService tasks = engine.getTaskService();
            runtime.startProcessInstanceByKey("restart-smoke", waiting);
            ProcessInstance done = runtime.startProcessInstanceByKey("restart-smoke", completed);
            var task = tasks.createTaskQuery().processInstanceId(done.getId()).singleResult();
            assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_Smoke");
            tasks.complete(task.getId());
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(done.getId()).count()).isZero();
        }

        try (ConfigurableApplicationContext second = start(database, profiles)) {
            ProcessEngine engine = second.getBean(ProcessEngine.class);
            assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(waiting)
                    .taskDefinitionKey("Task_Smoke").count()).isEqualTo(1);
            HistoryService history = engine.getHistoryService();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(completed).completed().count())
                    .isEqualTo(1);
            assertThat(JdbcClient.create(second.getBean(javax.sql.DataSource.class))
                    .sql("SELECT COUNT(*) FROM companies WHERE credit_code = '91110000MA01ABCD2Q'").query(Integer.class).single())
                    .isEqualTo(1);
            assertThat(engine.getIdentityService().checkPassword("compliance", "demo")).isTrue();
        }
    }

    private ConfigurableApplicationContext start(Map<String, Object> database, String... extraProfiles) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("server.port", "0");
        properties.put("ola.data-dir", dataDir.toString());
        // Its own engine name, so that it never meets another test's engine in this JVM.
        properties.put("camunda.bpm.process-engine-name", "restart-test");
        properties.put("camunda.bpm.job-execution.enabled", "false");
        String[] profiles = new String[extraProfiles.length + 1];
        profiles[0] = "dev";
        System.arraycopy(extraProfiles, 0, profiles, 1, extraProfiles.length);
        return new SpringApplicationBuilder(OverseasListingApplication.class).profiles(profiles).run(asArguments(properties));
    }

    private static int appliedMigrations(ConfigurableApplicationContext context) {
        return context.getBean(org.flywaydb.core.Flyway.class).info().applied().length;
    }

    /** As command-line arguments, so that they win over application.yml (builder properties would not). */
    private static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
