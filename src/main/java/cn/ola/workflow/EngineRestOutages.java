package cn.ola.workflow;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.ola.ops.DatabaseOutage;

/**
 * The engine REST APIs' answer (ours and that of Camunda's webapps, see {@link EngineRestAnswers}) when
 * the database cannot be reached ({@link DatabaseOutage}): 503
 * with {@code Retry-After}, in Camunda's error shape
 * {@code {"type": "ServiceUnavailableException", "message": "…"}}, instead of its 500 and an error
 * with a stack trace in the log. Camunda maps the engine's exceptions, the exceptions some
 * resources wrap them in, and everything else (Spring's, when no transaction could be begun) with
 * one mapper each, and the mapper of the nearest type wins; each has its counterpart here, asked
 * first (higher priority) and declining every failure that is not an outage.
 */
final class EngineRestOutages {

    private EngineRestOutages() {
    }

    abstract static class Outage<T extends Throwable> implements ExtendedExceptionMapper<T> {

        @Override
        public boolean isMappable(T failure) {
            return DatabaseOutage.isCauseOf(failure);
        }

        @Override
        public Response toResponse(T failure) {
            DatabaseOutage.log("A request to the engine's REST API", failure);
            ExceptionDto body = new ExceptionDto();
            body.setType(DatabaseOutage.ENGINE_REST_TYPE);
            body.setMessage(DatabaseOutage.ENGINE_REST_MESSAGE);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
                    .entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
        }
    }

    @Priority(Priorities.USER - 100)
    static final class InTheEngine extends Outage<ProcessEngineException> {
    }

    @Priority(Priorities.USER - 100)
    static final class ReportedByAResource extends Outage<RestException> {
    }

    @Priority(Priorities.USER - 100)
    static final class Elsewhere extends Outage<Throwable> {
    }
}
