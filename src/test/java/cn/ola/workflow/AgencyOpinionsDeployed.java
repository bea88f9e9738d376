package cn.ola.workflow;

import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Deploys every agency's own definition of the opinion ({@link AgencyOpinionDefinitions}) for one
 * process test, after {@code ProcessEngineExtension} has started the test engine, and removes it
 * with its instances and history afterwards, as {@code @Deployment} does for the models in {@code bpmn/}.
 */
public class AgencyOpinionsDeployed implements BeforeEachCallback, AfterEachCallback {

    private static final String ENGINE = "process-test";

    @Override
    public void beforeEach(ExtensionContext context) {
        store(context).put(ENGINE, AgencyOpinionDefinitions.deployment(repository()).deploy().getId());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String id = store(context).remove(ENGINE, String.class);
        if (id != null) {
            repository().deleteDeployment(id, true);
        }
    }

    private static RepositoryService repository() {
        return ProcessEngines.getProcessEngine(ENGINE).getRepositoryService();
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(AgencyOpinionsDeployed.class, context.getUniqueId()));
    }
}
