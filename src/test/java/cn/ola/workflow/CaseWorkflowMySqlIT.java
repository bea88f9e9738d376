package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.ola.support.MySqlDatabase;

/**
 * The case scenario on MySQL (MariaDB through Connector/J in CI), our index on the engine's tables there,
 * and the engine's optimistic locking with the driver rewriting its batches.
 */
@ExtendWith(MySqlDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.process-engine-name=mysql-case-test", "ola.data-dir=target/mysql-case-test-data"})
@ActiveProfiles({"dev", "mysql"})
@DirtiesContext
class CaseWorkflowMySqlIT extends CaseToFilingNoticeScenario {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        MySqlDatabase.Connection connection = MySqlDatabase.connection();
        if (connection != null) {
            connection.asProperties().forEach((key, value) -> registry.add(key, () -> value));
        }
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    ProcessEngine engine;

    @Test
    void theGroupsTaskLinksAreIndexedOnMySql() {
        assertThat(JdbcClient.create(dataSource).sql("""
                SELECT COLUMN_NAME FROM information_schema.STATISTICS
                WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'ACT_RU_IDENTITYLINK' AND INDEX_NAME = ?
                ORDER BY SEQ_IN_INDEX""").param(EngineTableIndexes.GROUP_TASKS.name()).query(String.class).list())
                .containsExactly("GROUP_ID_", "TYPE_", "TASK_ID_");
    }

    /**
     * With {@code rewriteBatchedStatements} the driver sends a batch of updates as one multi-statement
     * round trip. The engine still has to learn that one of them found its row changed by another
     * transaction (no row at the revision it read), and refuse the whole command.
     */
    @Test
    void aRowChangedMeanwhileAmongBatchedUpdatesIsStillRefusedOnMySql() throws Exception {
        assertThat(dataSource.unwrap(HikariDataSource.class).getDataSourceProperties())
                .as("the driver rewrites batches, as configured for MySQL").containsEntry("rewriteBatchedStatements", "true");
        Deployment deployment = engine.getRepositoryService().createDeployment()
                .addModelInstance("batched-updates-check.bpmn", Bpmn.createExecutableProcess("batched-updates-check")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait").endEvent().done())
                .deploy();
        try {
            String id = engine.getRuntimeService().startProcessInstanceByKey("batched-updates-check",
                    Map.of("a", 1, "b", 1, "c", 1, "d", 1, "e", 1)).getId();
            var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();

            assertThatThrownBy(() -> commands.execute(context -> {
                ExecutionEntity instance = context.getExecutionManager().findExecutionById(id);
                instance.getVariables();
                // Another transaction changes one of the five rows after this one read them.
                try (Connection other = dataSource.getConnection(); PreparedStatement bump = other.prepareStatement(
                        "UPDATE ACT_RU_VARIABLE SET REV_ = REV_ + 1 WHERE EXECUTION_ID_ = ? AND NAME_ = 'c'")) {
                    other.setAutoCommit(true);
                    bump.setString(1, id);
                    assertThat(bump.executeUpdate()).isEqualTo(1);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                instance.setVariables(Map.of("a", 2, "b", 2, "c", 2, "d", 2, "e", 2));
                return null;
            })).isInstanceOf(OptimisticLockingException.class);

            assertThat(engine.getRuntimeService().getVariables(id)).as("nothing of the refused command was written")
                    .isEqualTo(Map.of("a", 1, "b", 1, "c", 1, "d", 1, "e", 1));
            engine.getRuntimeService().setVariables(id, Map.of("a", 3, "b", 3, "c", 3, "d", 3, "e", 3));
            assertThat(engine.getRuntimeService().getVariables(id)).as("five updates of fresh rows in one batch")
                    .isEqualTo(Map.of("a", 3, "b", 3, "c", 3, "d", 3, "e", 3));
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }
}
