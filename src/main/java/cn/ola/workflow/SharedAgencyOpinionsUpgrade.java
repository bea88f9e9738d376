package cn.ola.workflow;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.ola.ops.StartupLock;
import cn.ola.workflow.MemberAgencies.Agency;

/**
 * At start: the member agencies' opinions still open on the one definition that every agency
 * shared before each had its own ({@code member-agency-opinion}, see {@link AgencyOpinionDefinitions})
 * move to the agency's own definition, with their tasks, variables and history, as an
 * administrator would migrate them in Cockpit (same activities, so each task stays where it is).
 * Then the start-up's task pools remove their rows per task, which the agency's grant now covers,
 * and the agency's task list no longer carries them. Runs in turn with the other nodes, and finds
 * nothing to move the second time.
 */
@Component
@Order(1)
class SharedAgencyOpinionsUpgrade implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SharedAgencyOpinionsUpgrade.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final StartupLock startupLock;

    SharedAgencyOpinionsUpgrade(RepositoryService repository, RuntimeService runtime, StartupLock startupLock) {
        this.repository = repository;
        this.runtime = runtime;
        this.startupLock = startupLock;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.inTurn(this::moveOpenOpinions);
    }

    void moveOpenOpinions() {
        // Once moved, none is left: one query at every later start instead of one per agency and version.
        if (runtime.createProcessInstanceQuery().processDefinitionKey(CaseModel.MEMBER_AGENCY_OPINION.key()).count() == 0) {
            return;
        }
        List<ProcessDefinition> shared = repository.createProcessDefinitionQuery()
                .processDefinitionKey(CaseModel.MEMBER_AGENCY_OPINION.key()).list();
        for (ProcessDefinition old : shared) {
            for (Agency agency : Agency.values()) {
                List<String> open = runtime.createProcessInstanceQuery().processDefinitionId(old.getId())
                        .variableValueEquals(ProcessVariables.MEMBER_AGENCY, agency.code()).list().stream()
                        .map(ProcessInstance::getId).toList();
                if (!open.isEmpty()) {
                    ProcessDefinition own = repository.createProcessDefinitionQuery()
                            .processDefinitionKey(agency.opinionProcess()).latestVersion().singleResult();
                    MigrationPlan plan = runtime.createMigrationPlan(old.getId(), own.getId()).mapEqualActivities().build();
                    runtime.newMigration(plan).processInstanceIds(open).execute();
                    log.info("Moved {} open opinions of {} from {} to {}", open.size(), agency, old.getId(), own.getId());
                }
            }
        }
    }
}
