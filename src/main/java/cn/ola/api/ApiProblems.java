package cn.ola.api;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import cn.ola.api.Problems.FieldError;
import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.DraftChangedException;
import cn.ola.applicant.InvalidApplicationException;
import cn.ola.applicant.RefusedUploadException;
import cn.ola.events.InvalidMaterialEventException;
import cn.ola.events.InvalidSubsequentOfferingException;
import cn.ola.events.OtherMarketException;
import cn.ola.workflow.AlreadySubmittedException;
import cn.ola.workflow.ApplicationNotFoundException;
import cn.ola.workflow.CaseChangedMeanwhileException;
import cn.ola.workflow.CaseNotWaitingException;

/**
 * Every error of the API's controllers as an RFC 9457 problem detail: what was wrong, field by
 * field where input was invalid, and never a stack trace or a parser's internals.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(InvalidApplicationException.class)
    ResponseEntity<Object> invalid(InvalidApplicationException ex, HttpServletRequest request) {
        List<FieldError> errors = ex.problems().stream()
                .map(p -> new FieldError(p.field(), p.problem().name(), FieldMessages.of(p)))
                .toList();
        boolean onlyDocuments = errors.stream().allMatch(e -> e.field().startsWith("documents."));
        String detail = onlyDocuments ? "Required documents are missing; upload them first."
                : errors.size() == 1 ? "One field needs attention." : errors.size() + " fields need attention.";
        return Problems.response(Problems.invalid(detail, errors, request.getRequestURI()));
    }

    @ExceptionHandler(InvalidMaterialEventException.class)
    ResponseEntity<Object> invalidMaterialEvent(InvalidMaterialEventException ex, HttpServletRequest request) {
        List<FieldError> errors = ex.problems().stream()
                .map(p -> new FieldError(p.field(), p.problem().name(), materialEventMessage(p.problem())))
                .toList();
        String detail = errors.size() == 1 ? "One field needs attention." : errors.size() + " fields need attention.";
        return Problems.response(Problems.invalid(detail, errors, request.getRequestURI()));
    }

    private static String materialEventMessage(InvalidMaterialEventException.Problem problem) {
        return switch (problem) {
            case REQUIRED -> "Required.";
            case UNKNOWN_VALUE -> "Must be one of " + MaterialEventsApiController.kinds() + ".";
            case NOT_A_DATE -> "A date as YYYY-MM-DD.";
            case IN_THE_FUTURE -> "Must not lie after today (Beijing time): an event is reported once it has been announced.";
            case TOO_LONG -> "At most " + ApplicantCases.MAX_TEXT + " characters.";
        };
    }

    @ExceptionHandler(InvalidSubsequentOfferingException.class)
    ResponseEntity<Object> invalidSubsequentOffering(InvalidSubsequentOfferingException ex, HttpServletRequest request) {
        List<FieldError> errors = ex.problems().stream()
                .map(p -> new FieldError(p.field(), p.problem().name(), subsequentOfferingMessage(p.problem())))
                .toList();
        String detail = errors.size() == 1 ? "One field needs attention." : errors.size() + " fields need attention.";
        return Problems.response(Problems.invalid(detail, errors, request.getRequestURI()));
    }

    private static String subsequentOfferingMessage(InvalidSubsequentOfferingException.Problem problem) {
        return switch (problem) {
            case REQUIRED -> "Required.";
            case UNKNOWN_VALUE -> "Must be one of the exchange codes of /api/v1/applications (venueExchange).";
            case NOT_A_DATE -> "A date as YYYY-MM-DD.";
            case IN_THE_FUTURE -> "Must not lie after today (Beijing time): an offering is filed once it has been completed.";
            case TOO_LONG -> "At most " + ApplicantCases.MAX_TEXT + " characters.";
        };
    }

    /** An offering on another market is a new listing abroad: the company files a new application for it. */
    @ExceptionHandler(OtherMarketException.class)
    ResponseEntity<Object> otherMarket(OtherMarketException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, Problems.OTHER_MARKET,
                "A listing on another market is a new application", ex.getMessage() + " Nothing was filed.",
                request.getRequestURI());
        problem.setProperty("listedExchange", ex.listedExchange());
        problem.setProperty("newApplication", Representations.BASE);
        return Problems.response(problem);
    }

    @ExceptionHandler(ApplicationNotFoundException.class)
    ResponseEntity<Object> notFound(ApplicationNotFoundException ex, HttpServletRequest request) {
        return notFound(request);
    }

    @ExceptionHandler(DraftChangedException.class)
    ResponseEntity<Object> draftChanged(DraftChangedException ex, HttpServletRequest request) {
        return Problems.response(Problems.problem(HttpStatus.CONFLICT, Problems.DRAFT_CHANGED, "Draft changed meanwhile",
                ex.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(AlreadySubmittedException.class)
    ResponseEntity<Object> alreadySubmitted(AlreadySubmittedException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, Problems.ALREADY_SUBMITTED, "Already submitted",
                ex.getMessage(), request.getRequestURI());
        problem.setProperty("number", ex.number().toString());
        return Problems.response(problem);
    }

    @ExceptionHandler(CaseNotWaitingException.class)
    ResponseEntity<Object> notWaiting(CaseNotWaitingException ex, HttpServletRequest request) {
        return Problems.response(Problems.problem(HttpStatus.CONFLICT, Problems.CASE_NOT_WAITING,
                "The case is not waiting for this", ex.getMessage() + " Nothing was changed.", request.getRequestURI()));
    }

    /**
     * Another change of the same case or draft at the same moment won (a regulator's step, a
     * deadline, a colleague or a second request): this request changed nothing and may be tried
     * again after a look. Also what is left of such a collision when it surfaces only at commit.
     */
    @ExceptionHandler({CaseChangedMeanwhileException.class, OptimisticLockingException.class,
            ConcurrencyFailureException.class})
    ResponseEntity<Object> concurrentChange(Exception ex, HttpServletRequest request) {
        LOG.debug("{} {} collided with a change at the same moment: {}", request.getMethod(), request.getRequestURI(),
                ex.getMessage());
        String detail = ex instanceof CaseChangedMeanwhileException ? ex.getMessage()
                : "The application changed at the same moment as this request (another request, a colleague or a "
                        + "regulator's step), so nothing was changed. Read it again and retry if it still applies.";
        return Problems.response(Problems.problem(HttpStatus.CONFLICT, Problems.CONCURRENT_CHANGE,
                "Changed at the same moment", detail, request.getRequestURI()));
    }

    @ExceptionHandler(RefusedUploadException.class)
    ResponseEntity<Object> refusedUpload(RefusedUploadException ex, HttpServletRequest request) {
        boolean tooLarge = ex.reason() == RefusedUploadException.Reason.TOO_LARGE;
        ProblemDetail problem = tooLarge
                ? Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, Problems.UPLOAD_TOO_LARGE, "File too large",
                        ex.getMessage(), request.getRequestURI())
                : Problems.problem(HttpStatus.BAD_REQUEST, Problems.UPLOAD_REFUSED, "File refused", ex.getMessage(),
                        request.getRequestURI());
        problem.setProperty("reason", ex.reason().name());
        problem.setProperty("filename", ex.filename());
        problem.setProperty("maxBytes", ex.maxBytes());
        if (ex.detectedType() != null) {
            problem.setProperty("detectedType", ex.detectedType());
        }
        return Problems.response(problem);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException ex, HttpServletRequest request) {
        return Problems.response(Problems.invalid(ex.getMessage(), ex.errors(), request.getRequestURI()));
    }

    @ExceptionHandler(IdempotentRequests.KeyReusedException.class)
    ResponseEntity<Object> keyReused(IdempotentRequests.KeyReusedException ex, HttpServletRequest request) {
        return Problems.response(Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, Problems.IDEMPOTENCY_KEY_REUSED,
                "Idempotency key used for another request", ex.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(IdempotentRequests.InProgressException.class)
    ResponseEntity<Object> inProgress(IdempotentRequests.InProgressException ex, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return Problems.response(Problems.problem(HttpStatus.CONFLICT, Problems.REQUEST_IN_PROGRESS,
                "Request in progress", ex.getMessage(), request.getRequestURI()), headers);
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<Object> preconditionRequired(PreconditionRequiredException ex, HttpServletRequest request) {
        return Problems.response(Problems.problem(HttpStatus.PRECONDITION_REQUIRED, Problems.PRECONDITION_REQUIRED,
                "Version required", ex.getMessage(), request.getRequestURI()));
    }

    /** Anything unforeseen: logged here in full, answered with no more than that it happened. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
        LOG.error("Unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), ex);
        return Problems.response(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, "Internal error",
                "Something went wrong on our side; nothing you sent is at fault. Please try again later.",
                request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String instance = path(request);
        Throwable cause = ex.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = JsonPaths.of(mapping.getPath());
            FieldError error = bindingError(field, mapping);
            return Problems.response(Problems.invalid("The field " + field + " has a value of the wrong kind.",
                    List.of(error), instance));
        }
        String detail;
        if (cause instanceof JsonEOFException) {
            detail = "The JSON body ends too early (an object, array or string is not closed).";
        } else if (cause instanceof JsonParseException parse) {
            detail = "The body is not well-formed JSON" + where(parse) + ".";
        } else if (cause instanceof MismatchedInputException) {
            detail = "The body must be a JSON object.";
        } else if (cause instanceof JsonProcessingException) {
            detail = "The body could not be read as JSON.";
        } else {
            detail = "The request needs a JSON body.";
        }
        return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "Malformed request",
                detail, instance));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (ex instanceof MethodArgumentTypeMismatchException argument && argument.getParameter().hasParameterAnnotation(
                org.springframework.web.bind.annotation.PathVariable.class)) {
            // An id that is not even a number names no application: the same answer as an unknown one.
            return notFound(((ServletWebRequest) request).getRequest());
        }
        String name = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
        return Problems.response(Problems.invalid("The parameter " + name + " has a value of the wrong kind.",
                List.of(new FieldError(name, "WRONG_TYPE", "Not a valid value.")), path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problems.response(Problems.invalid("The multipart part '" + ex.getRequestPartName() + "' is missing.",
                List.of(new FieldError(ex.getRequestPartName(), "REQUIRED", "Required.")), path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problems.response(Problems.invalid("The parameter '" + ex.getParameterName() + "' is missing.",
                List.of(new FieldError(ex.getParameterName(), "REQUIRED", "Required.")), path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            org.springframework.web.bind.ServletRequestBindingException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (ex instanceof MissingRequestHeaderException header) {
            return Problems.response(Problems.invalid("The header " + header.getHeaderName() + " is missing.",
                    List.of(new FieldError(header.getHeaderName(), "REQUIRED", "Required.")), path(request)));
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    /** Spring's own answers for the remaining cases, given our problem type and the request path. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(statusCode, "The request could not be handled.");
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        String type = switch (status) {
            case METHOD_NOT_ALLOWED -> Problems.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> Problems.UNSUPPORTED_MEDIA_TYPE;
            case NOT_ACCEPTABLE -> Problems.NOT_ACCEPTABLE;
            case NOT_FOUND -> Problems.NOT_FOUND;
            case PAYLOAD_TOO_LARGE -> Problems.UPLOAD_TOO_LARGE;
            default -> status.is5xxServerError() ? Problems.INTERNAL : Problems.MALFORMED_REQUEST;
        };
        if (status.is5xxServerError()) {
            LOG.error("Error answering {}", path(request), ex);
            problem.setDetail("Something went wrong on our side. Please try again later.");
        }
        problem.setType(java.net.URI.create(Problems.TYPES + type));
        ProblemDetail ours = Problems.problem(status, type, problem.getTitle() == null ? status.getReasonPhrase()
                : problem.getTitle(), problem.getDetail(), path(request));
        return Problems.response(ours, headers == null ? new HttpHeaders() : headers);
    }

    private ResponseEntity<Object> notFound(HttpServletRequest request) {
        return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found",
                "There is no such application or document, or it belongs to another company.", request.getRequestURI()));
    }

    private static FieldError bindingError(String field, JsonMappingException mapping) {
        if (mapping.getCause() instanceof InputCoercionException) {
            return new FieldError(field, "OUT_OF_RANGE", "The number is too large.");
        }
        if (mapping instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && java.time.temporal.Temporal.class.isAssignableFrom(target)) {
                return new FieldError(field, "INVALID_DATE", "Expected a date as YYYY-MM-DD.");
            }
            return new FieldError(field, "WRONG_TYPE", "Expected " + kind(target) + ".");
        }
        if (mapping instanceof MismatchedInputException mismatched) {
            return new FieldError(field, "WRONG_TYPE", "Expected " + kind(mismatched.getTargetType()) + ".");
        }
        return new FieldError(field, "WRONG_TYPE", "Not a valid value.");
    }

    private static String kind(Class<?> target) {
        if (target == null) {
            return "another kind of value";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "a date as YYYY-MM-DD";
        }
        if (target == String.class) {
            return "a text";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "a JSON object";
    }

    private static String where(JsonParseException parse) {
        var location = parse.getLocation();
        return location == null || location.getLineNr() < 0 ? ""
                : String.format(Locale.ROOT, " (line %d, column %d)", location.getLineNr(), location.getColumnNr());
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }
}
