package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

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

/** The case scenario on MySQL (MariaDB through Connector/J in CI), and our index on the engine's tables there. */
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

    @Test
    void theGroupsTaskLinksAreIndexedOnMySql() {
        assertThat(JdbcClient.create(dataSource).sql("""
                SELECT COLUMN_NAME FROM information_schema.STATISTICS
                WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'ACT_RU_IDENTITYLINK' AND INDEX_NAME = ?
                ORDER BY SEQ_IN_INDEX""").param(EngineTableIndexes.GROUP_TASKS.name()).query(String.class).list())
                .containsExactly("GROUP_ID_", "TYPE_", "TASK_ID_");
    }
}
