package cn.ola.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The engine REST APIs' answer (ours and that of Camunda's webapps, see {@link EngineRestAnswers}) when
 * a request lost a race (two completions of one task at the same moment, a double click in Tasklist,
 * say): 409 Conflict in Camunda's own error shape,
 * {@code {"type": "OptimisticLockingException", "message": "…", "code": 1}}, instead of its 500,
 * and a DEBUG line instead of a warning with a stack trace. Nothing was changed by the request;
 * the client reloads and decides again. Every other error keeps Camunda's own answer.
 */
final class EngineRestConflicts {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestConflicts.class);

    private EngineRestConflicts() {
    }

    /** Thrown as it is by most resources; more specific than Camunda's mapper of every engine exception. */
    static final class LostRace implements ExceptionMapper<OptimisticLockingException> {

        @Override
        public Response toResponse(OptimisticLockingException lost) {
            return conflict(lost, lost.getMessage());
        }
    }

    /**
     * Some resources (task completion among them) wrap every engine exception in a
     * {@link RestException} with status 500. This mapper takes those whose cause is a lost race and
     * leaves every other one to Camunda's mapper: it is asked first (its priority is higher), and
     * declines what it does not map.
     */
    @Priority(Priorities.USER - 100)
    static final class LostRaceReported implements ExtendedExceptionMapper<RestException> {

        @Override
        public boolean isMappable(RestException exception) {
            return lostRace(exception) != null;
        }

        @Override
        public Response toResponse(RestException reported) {
            return conflict(lostRace(reported), reported.getMessage());
        }

        private static OptimisticLockingException lostRace(Throwable exception) {
            for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
                if (cause instanceof OptimisticLockingException lost) {
                    return lost;
                }
            }
            return null;
        }
    }

    private static Response conflict(OptimisticLockingException lost, String message) {
        LOG.debug("A request to the engine's REST API lost a race: {}", message);
        ExceptionDto body = ExceptionHandlerHelper.getInstance().fromException(lost);
        body.setMessage(message);
        return Response.status(Response.Status.CONFLICT).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
