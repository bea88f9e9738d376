package cn.ola.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import cn.ola.workflow.MemberAgencies.Agency;

/**
 * Each member agency's opinion as a process definition of the agency's own
 * ({@code member-agency-opinion-ndrc}, {@code -miit}, …), all made from the one model
 * {@code bpmn/member-agency-opinion.bpmn}, which is not executable itself. A consultation calls the
 * agency's definition ({@link MemberAgencies#opinionProcess(String)}).
 *
 * <p>Why: everything in an agency's definition is what that agency was asked about, so one grant on
 * it lets the agency see and work all its tasks, with no authorization row per task, and its task
 * list costs what the task query costs without authorization. With one definition for every
 * agency, a grant would have shown each agency the others' tasks, and the rows per task made the
 * agency's list grow with the square of its tasks. Each definition offers its tasks to its own
 * agency's group ({@code ${memberAgency}} in the model's candidate groups is replaced by the
 * agency's code); the grant itself is given in {@code TaskPools}.
 *
 * <p>Deployed as the engine is built, before any job runs: unchanged definitions are not deployed
 * again, and the engine's deployment lock keeps two nodes starting at once from deploying them twice.
 * The process tests deploy the same definitions for each test ({@code AgencyOpinionsDeployed}).
 */
@Component
public class AgencyOpinionDefinitions extends AbstractProcessEnginePlugin {

    static final String MODEL = "bpmn/" + CaseModel.MEMBER_AGENCY_OPINION.key() + ".bpmn";
    static final String DEPLOYMENT = "member-agency-opinions";
    private static final String AGENCY_PLACEHOLDER = "${" + ProcessVariables.MEMBER_AGENCY + "}";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        deploy(engine.getRepositoryService());
    }

    static void deploy(RepositoryService repository) {
        deployment(repository).enableDuplicateFiltering(true).deploy();
    }

    /** A deployment of every agency's definition, not yet deployed. */
    static DeploymentBuilder deployment(RepositoryService repository) {
        DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT);
        models().forEach((key, model) -> deployment.addModelInstance(key + ".bpmn", model));
        return deployment;
    }

    /** Definition key → the agency's model, in the order of the agencies. */
    public static Map<String, BpmnModelInstance> models() {
        BpmnModelInstance template = readModel();
        Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
        for (Agency agency : Agency.values()) {
            models.put(agency.opinionProcess(), model(template.clone(), agency));
        }
        return models;
    }

    private static BpmnModelInstance model(BpmnModelInstance model, Agency agency) {
        Process process = model.getModelElementById(CaseModel.MEMBER_AGENCY_OPINION.key());
        process.setId(agency.opinionProcess());
        process.setName(process.getName() + ": " + agency.name());
        process.setExecutable(true);
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            task.setCamundaCandidateGroups(task.getCamundaCandidateGroups().replace(AGENCY_PLACEHOLDER, agency.code()));
        }
        return model;
    }

    private static BpmnModelInstance readModel() {
        try (InputStream xml = AgencyOpinionDefinitions.class.getClassLoader().getResourceAsStream(MODEL)) {
            if (xml == null) {
                throw new IllegalStateException(MODEL + " is not on the class path");
            }
            return Bpmn.readModelFromStream(xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
