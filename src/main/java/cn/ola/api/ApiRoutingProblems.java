package cn.ola.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.ola.applicant.UploadPolicy;

/**
 * Errors that happen before a request reaches one of the API's controllers (no route, a method
 * or content type no route takes, a multipart body over the server's limit), so that advice
 * bound to the API's controllers never sees them. Under {@code /api/} they become problem
 * details; anywhere else the exception is handed back unchanged to Spring's default handling,
 * so the portal's error pages stay as they are.
 */
@RestControllerAdvice
// Last of all advice: the portal's and the API's own handlers, bound to their controllers, answer first.
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRoutingProblems {

    private final UploadPolicy uploads;

    ApiRoutingProblems(UploadPolicy uploads) {
        this.uploads = uploads;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noRoute(NoResourceFoundException ex, HttpServletRequest request) throws Exception {
        requireApi(ex, request);
        return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found",
                "There is no resource at " + request.getRequestURI() + ". The API's paths are listed in /v3/api-docs.",
                request.getRequestURI()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) throws Exception {
        requireApi(ex, request);
        HttpHeaders headers = new HttpHeaders();
        if (ex.getSupportedHttpMethods() != null) {
            headers.setAllow(ex.getSupportedHttpMethods());
        }
        return Problems.response(Problems.problem(HttpStatus.METHOD_NOT_ALLOWED, Problems.METHOD_NOT_ALLOWED,
                "Method not allowed", request.getMethod() + " is not allowed here"
                        + (ex.getSupportedMethods() == null ? "." : "; allowed: " + String.join(", ", ex.getSupportedMethods()) + "."),
                request.getRequestURI()), headers);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> contentType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) throws Exception {
        requireApi(ex, request);
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(ex.getSupportedMediaTypes());
        String sent = ex.getContentType() == null ? "no content type" : "content type " + ex.getContentType();
        return Problems.response(Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type", "This request cannot take " + sent + "; send "
                        + MediaType.toString(ex.getSupportedMediaTypes()) + ".", request.getRequestURI()), headers);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) throws Exception {
        requireApi(ex, request);
        return Problems.response(Problems.problem(HttpStatus.NOT_ACCEPTABLE, Problems.NOT_ACCEPTABLE, "Not acceptable",
                "This resource is available as " + MediaType.toString(ex.getSupportedMediaTypes())
                        + "; the Accept header allows none of them.", request.getRequestURI()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) throws Exception {
        requireApi(ex, request);
        DataSize most = uploads.maxSize();
        var problem = Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, Problems.UPLOAD_TOO_LARGE, "File too large",
                "The request is larger than the server accepts. Files may be at most " + most.toMegabytes()
                        + " MB (" + most.toBytes() + " bytes).", request.getRequestURI());
        problem.setProperty("maxBytes", most.toBytes());
        return Problems.response(problem);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> brokenMultipart(MultipartException ex, HttpServletRequest request) throws Exception {
        requireApi(ex, request);
        return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "Malformed request",
                "The multipart body could not be read. Send multipart/form-data with a boundary.", request.getRequestURI()));
    }

    /** Outside the API, hands the exception back: Spring then handles it as if this advice did not exist. */
    private static void requireApi(Exception ex, HttpServletRequest request) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            throw ex;
        }
    }
}
