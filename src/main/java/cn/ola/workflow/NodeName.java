package cn.ola.workflow;

import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name of this node ({@code ola.node-name}), where the engine records who did what: the job
 * executor locks jobs as {@code <name>/<random>} (Cockpit shows it on a job; the random part
 * keeps two nodes given the same name apart), and the job log and the metrics name the node. So
 * an administrator sees which node holds a job, and which one ran it after another node died.
 * Without a name the engine's own choices stay (a random lock owner, the host's address).
 */
@Component
class NodeName extends AbstractProcessEnginePlugin {

    private final String name;

    NodeName(@Value("${ola.node-name:}") String name) {
        this.name = name.strip();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!name.isEmpty()) {
            configuration.setHostname(name);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!name.isEmpty() && configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(name + "/" + UUID.randomUUID().toString().substring(0, 8));
        }
    }

    @Override
    public String toString() {
        return "NodeName " + name;
    }
}
