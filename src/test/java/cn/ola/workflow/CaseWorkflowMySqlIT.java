package cn.ola.workflow;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.ola.support.MySqlDatabase;

/** The case scenario on MySQL (MariaDB through Connector/J in CI). */
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
}
