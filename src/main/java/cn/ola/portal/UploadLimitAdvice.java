package cn.ola.portal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A draft's upload larger than the server takes at all: the multipart body is read lazily
 * ({@code spring.servlet.multipart.resolve-lazily}), so the failure reaches the upload's own
 * controller, and this advice sends the user back to the documents page with the limit named.
 * It comes before the API's catch-all for requests that reach no controller.
 */
@ControllerAdvice(assignableTypes = DraftDocumentsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final MessageSource messages;
    private final DataSize serverLimit;

    UploadLimitAdvice(MessageSource messages, @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize serverLimit) {
        this.messages = messages;
        this.serverLimit = serverLimit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException exceeded, HttpServletRequest request) {
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        String limit = DraftDocumentsController.size(
                exceeded.getMaxUploadSize() > 0 ? exceeded.getMaxUploadSize() : serverLimit.toBytes());
        flash.put(DraftDocumentsController.REFUSED, messages.getMessage("applications.documents.refused.requestTooLarge",
                new Object[] {limit}, LocaleContextHolder.getLocale()));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "redirect:" + back(path, request.getHeader("Referer"));
    }

    /** The draft's documents page, or the page the form was on (a path of ours only, never another site). */
    static String back(String path, String referer) {
        if (path.matches("/applications/drafts/\\d+/documents/\\w+")) {
            return path.substring(0, path.lastIndexOf('/'));
        }
        if (referer != null) {
            try {
                String refererPath = java.net.URI.create(referer).getPath();
                if (refererPath != null && refererPath.startsWith("/") && !refererPath.startsWith("//")) {
                    return refererPath;
                }
            } catch (IllegalArgumentException unreadable) {
                // fall through to the list
            }
        }
        return "/applications";
    }
}
