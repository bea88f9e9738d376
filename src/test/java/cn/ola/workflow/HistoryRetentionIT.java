package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The statutory retention of a case's history is a setting, not a property of the models. */
@SpringBootTest(properties = {"ola.history.retention-days=5475",
        "spring.datasource.url=jdbc:h2:mem:retention-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "ola.data-dir=target/retention-test-data"})
@ActiveProfiles("dev")
class HistoryRetentionIT {

    @Autowired
    RepositoryService repository;

    @Test
    void everyDeployedDefinitionKeepsHistoryForTheConfiguredPeriod() {
        assertThat(repository.createProcessDefinitionQuery().list()).isNotEmpty()
                .extracting(ProcessDefinition::getHistoryTimeToLive).containsOnly(5475);
        assertThat(repository.createDecisionDefinitionQuery().list()).isNotEmpty()
                .extracting(DecisionDefinition::getHistoryTimeToLive).containsOnly(5475);
    }
}
