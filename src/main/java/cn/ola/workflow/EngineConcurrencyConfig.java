package cn.ola.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import jakarta.ws.rs.ApplicationPath;

/**
 * How the engine and its REST API treat two people acting on one thing at the same moment: the
 * one who loses has lost a race, not met an error (see {@link TaskCompletionRaces},
 * {@link DeadlockVictims} and {@link EngineRestConflicts}).
 */
@Configuration
class EngineConcurrencyConfig {

    @Bean
    ProcessEnginePlugin lostRaces() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                List<CommandInterceptor> after = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
                after.add(new TaskCompletionRaces());
                configuration.setCustomPostCommandInterceptorsTxRequired(after);
                configuration.setCommandContextFactory(new DeadlockVictims(configuration));
            }

            @Override
            public String toString() {
                return "TaskCompletionRaces and DeadlockVictims";
            }
        };
    }

    /**
     * Camunda's REST API as the Spring Boot starter sets it up, plus our answers to a lost race and
     * to a database that cannot be reached ({@link EngineRestOutages}).
     * Replacing the starter's resource configuration by a subclass is the way Camunda documents
     * for registering additional providers.
     */
    @Component
    @ApplicationPath("/engine-rest")
    static class EngineRestConfig extends CamundaJerseyResourceConfig {

        @Override
        protected void registerAdditionalResources() {
            register(EngineRestConflicts.LostRace.class);
            register(EngineRestConflicts.LostRaceReported.class);
            register(EngineRestOutages.InTheEngine.class);
            register(EngineRestOutages.ReportedByAResource.class);
            register(EngineRestOutages.Elsewhere.class);
        }
    }
}
