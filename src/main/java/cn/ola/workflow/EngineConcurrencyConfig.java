package cn.ola.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the engine and its REST API treat two people acting on one thing at the same moment: the
 * one who loses has lost a race, not met an error (see {@link TaskCompletionRaces},
 * {@link DeadlockVictims}, and in the REST APIs {@link EngineRestAnswers}).
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
}
