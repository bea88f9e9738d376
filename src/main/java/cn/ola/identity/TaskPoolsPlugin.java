package cn.ola.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Installs {@link PooledTaskAuthorizationProvider} in the engine. {@code ola.authorization.task-pools}
 * switches it off (Camunda's rows per task for everyone) only to compare the two in the benchmark:
 * switched off after tasks were created without rows, those tasks stay visible through the
 * definition grants, which are not removed.
 */
@Component
class TaskPoolsPlugin extends AbstractProcessEnginePlugin {

    private final boolean enabled;

    TaskPoolsPlugin(@Value("${ola.authorization.task-pools:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (enabled) {
            configuration.setResourceAuthorizationProvider(new PooledTaskAuthorizationProvider());
        }
    }
}
