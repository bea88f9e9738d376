package cn.ola.portal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A request larger than the server takes at all fails before any controller is chosen, so this
 * advice cannot be limited to the portal's controllers; it handles only that one exception and
 * sends the user back to the page the upload came from, with the limit named.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final MessageSource messages;

    UploadLimitAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException exceeded, HttpServletRequest request) {
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        String limit = exceeded.getMaxUploadSize() > 0 ? DraftDocumentsController.size(exceeded.getMaxUploadSize()) : "?";
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
