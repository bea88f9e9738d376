package cn.ola.workflow;

import java.util.Objects;

import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import cn.ola.ops.StartupLock;

/**
 * Keeps the history of ended cases for the configured statutory period. The models carry a
 * default retention (Camunda requires one); this applies the configured one to every deployed
 * process and decision definition, so that changing the period needs no new model version.
 */
@Component
class HistoryRetention implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final RepositoryService repository;
    private final int retentionDays;
    private final StartupLock startupLock;

    HistoryRetention(RepositoryService repository, @Value("${ola.history.retention-days:3650}") int retentionDays,
            StartupLock startupLock) {
        this.startupLock = startupLock;
        this.repository = repository;
        this.retentionDays = retentionDays;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.inTurn(this::applyRetention);
    }

    private void applyRetention() {
        int changed = 0;
        for (var definition : repository.createProcessDefinitionQuery().list()) {
            if (!Objects.equals(definition.getHistoryTimeToLive(), retentionDays)) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), retentionDays);
                changed++;
            }
        }
        for (var definition : repository.createDecisionDefinitionQuery().list()) {
            if (!Objects.equals(definition.getHistoryTimeToLive(), retentionDays)) {
                repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), retentionDays);
                changed++;
            }
        }
        if (changed > 0) {
            log.info("History of ended cases is kept {} days: retention updated on {} definitions", retentionDays, changed);
        }
    }
}
