package cn.ola.workflow;

import org.camunda.bpm.engine.rest.hal.cache.HalRelationCacheBootstrap;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tasklist's task list, as the engine's REST API answers it ({@code HalTaskList}), runs the list and
 * the count and then one query each for the tasks' assignees, owners and process definitions, on
 * every refresh of every officer. Camunda's relation cache ({@link HalRelationCacheBootstrap}, set up
 * here through its servlet context parameter) keeps the users and process definitions it resolved for
 * a while, so that a refresh runs the list and the count only.
 *
 * <p>What the cache serves is what the engine resolved for an earlier reader, without asking again
 * whether this reader may read it. A reader only ever gets the relations of tasks it may see: the
 * users assigned to them (staff of the same authority) and the process definitions they run in. A user
 * renamed in Camunda Admin shows under the old name for up to {@value #USER_SECONDS} s; a deployment
 * makes new definitions with new ids, which the cache does not hold yet.
 */
@Configuration(proxyBeanMethods = false)
class TaskListRelations {

    static final int USER_SECONDS = 300;
    static final int DEFINITION_SECONDS = 3600;

    static final String CONFIGURATION = """
            {"cacheImplementation": "org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache",
             "caches": {
               "org.camunda.bpm.engine.rest.hal.user.HalUser": {"capacity": 1000, "secondsToLive": %d},
               "org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition": {"capacity": 200, "secondsToLive": %d}
             }}""".formatted(USER_SECONDS, DEFINITION_SECONDS);

    @Bean
    ServletContextInitializer taskListRelationCaches() {
        return context -> {
            context.setInitParameter(HalRelationCacheBootstrap.CONTEXT_PARAM_NAME, CONFIGURATION);
            context.addListener(HalRelationCacheBootstrap.class);
        };
    }
}
