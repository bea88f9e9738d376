package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.spi.ExceptionMappers;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A lost race gets the same answer (409) from Tasklist's engine API as from the engine's REST API, and
 * every other failure keeps Camunda's own answer there: Camunda's applications built as Jersey builds them.
 */
class EngineRestAnswersTest {

    @Test
    void tasklistsEngineApiAnswersALostRaceWithAConflict() {
        assertLostRaceIsAConflict(ResourceConfig.forApplication(new EngineRestApplication()));
    }

    @Test
    void theEngineRestApiAnswersALostRaceWithAConflict() {
        assertLostRaceIsAConflict(EngineRestObjectMapperTest.engineRest());
    }

    private static void assertLostRaceIsAConflict(ResourceConfig application) {
        ExceptionMappers mappers = EngineRestObjectMapperTest.built(application).getInjectionManager()
                .getInstance(ExceptionMappers.class);
        OptimisticLockingException lost = new OptimisticLockingException("Task t1 was completed meanwhile");
        // Thrown as it is, and as the task resources report it (wrapped, with their own 500).
        RestException reported = new RestException(Response.Status.INTERNAL_SERVER_ERROR, lost,
                "Cannot submit task form t1: Task t1 was completed meanwhile");
        RestException failed = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("Unknown property used in expression"), "Cannot submit task form t2");

        assertThat(answer(mappers, lost).getStatus()).isEqualTo(409);
        assertThat(answer(mappers, reported).getStatus()).isEqualTo(409);
        assertThat(answer(mappers, failed).getStatus()).as("any other failure: Camunda's answer").isEqualTo(500);
    }

    private static <T extends Throwable> Response answer(ExceptionMappers mappers, T exception) {
        ExceptionMapper<T> mapper = mappers.findMapping(exception);
        assertThat(mapper).as("a mapper of %s", exception).isNotNull();
        return mapper.toResponse(exception);
    }
}
