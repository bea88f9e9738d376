package cn.ola.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.ola.support.MySqlDatabase;
import cn.ola.support.RaceCases;

/**
 * The races where MySQL's row locks matter most, on MySQL (MariaDB through Connector/J in CI):
 * a staff task completed twice at once through the engine's REST API or Tasklist, and a case withdrawn
 * twice at once, which ends every task and sub-process of the case.
 */
@ExtendWith(MySqlDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.process-engine-name=mysql-race-test", "ola.data-dir=target/mysql-race-test-data"})
@ActiveProfiles({"dev", "mysql"})
@DirtiesContext
class ApiRacesMySqlIT extends ApiRaceScenario {

    @DynamicPropertySource
    static void mysql(DynamicPropertyRegistry registry) {
        MySqlDatabase.Connection connection = MySqlDatabase.connection();
        if (connection != null) {
            connection.asProperties().forEach((key, value) -> registry.add(key, () -> value));
        }
    }

    @Test
    void aStaffTaskCompletedTwiceAtOnceThroughTheEngineApiOrTasklistIsCompletedOnce() {
        completeIntakeChecksTwiceAtOnce(prepared().submitted(RaceCases.PAIRS));
    }

    @Test
    void aCaseWithdrawnTwiceAtOnceIsWithdrawnOnce() {
        withdrawTwiceAtOnce(prepared().submitted(RaceCases.PAIRS));
    }
}
