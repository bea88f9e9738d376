package cn.ola.api;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem details as the API sends them: a {@code type} URI per kind of problem, a
 * short title, the specific detail, the request path as {@code instance}, and for invalid input
 * the list of field errors.
 */
final class Problems {

    static final String TYPES = "https://ola.example.cn/problems/";

    static final String VALIDATION = "validation";
    static final String MALFORMED_REQUEST = "malformed-request";
    static final String NOT_FOUND = "not-found";
    static final String DRAFT_CHANGED = "draft-changed";
    static final String ALREADY_SUBMITTED = "already-submitted";
    static final String CASE_NOT_WAITING = "case-not-waiting";
    /** An offering on another overseas market than the listed one: a new listing abroad, filed as a new application. */
    static final String OTHER_MARKET = "other-market";
    static final String CONCURRENT_CHANGE = "concurrent-change";
    static final String UPLOAD_TOO_LARGE = "upload-too-large";
    static final String UPLOAD_REFUSED = "upload-refused";
    static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    static final String REQUEST_IN_PROGRESS = "request-in-progress";
    static final String PRECONDITION_REQUIRED = "precondition-required";
    static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    static final String NOT_ACCEPTABLE = "not-acceptable";
    static final String INTERNAL = "internal-error";

    /** One field that is wrong: where (a JSON path like {@code cloudContracts[0].endDate}), a code, and what to do. */
    record FieldError(String field, String code, String message) {
    }

    private Problems() {
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        if (instance != null) {
            try {
                problem.setInstance(URI.create(instance));
            } catch (IllegalArgumentException notAUri) {
                // A path we could not even read as a URI: the problem stands without it.
            }
        }
        return problem;
    }

    static ProblemDetail invalid(String detail, List<FieldError> errors, String instance) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid input", detail, instance);
        problem.setProperty("errors", errors);
        return problem;
    }

    static ResponseEntity<Object> response(ProblemDetail problem) {
        return response(problem, new HttpHeaders());
    }

    static ResponseEntity<Object> response(ProblemDetail problem, HttpHeaders headers) {
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, all, problem.getStatus());
    }
}
