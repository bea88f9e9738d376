package cn.ola.portal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.ola.applicant.UploadPolicy;
import cn.ola.workflow.ApplicationNotFoundException;

/**
 * Errors of the case page and its actions as pages a company user can act on. Another company's
 * case is "not found", exactly like one that does not exist, so nothing tells it exists.
 */
@ControllerAdvice(assignableTypes = {CasePageController.class, MaterialEventPageController.class,
        SubsequentOfferingPageController.class, CompanyUsersController.class})
// Before the API's catch-all for requests that reach no controller, which also knows oversized uploads.
@Order(Ordered.HIGHEST_PRECEDENCE)
class CasePageErrors {

    private final UploadPolicy uploads;

    CasePageErrors(UploadPolicy uploads) {
        this.uploads = uploads;
    }

    @ExceptionHandler(ApplicationNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(HttpServletRequest request, Model model) {
        model.addAttribute("number", pathVariables(request).get("number"));
        return "cases/not-found";
    }

    /**
     * A change of the same case at the same moment that surfaced only when the action's work was
     * being committed: nothing was changed, and the page says so like any other collision.
     */
    @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class})
    String changedMeanwhile(HttpServletRequest request, RedirectAttributes redirect) {
        String number = pathVariables(request).get("number");
        return number == null ? "redirect:/" : CasePageController.changedMeanwhile(CasePageController.parse(number), redirect);
    }

    /**
     * Files larger than the server takes are refused before anything reads the form, so the
     * typed answer is gone too: the page says so and by how much it may be.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, RedirectAttributes redirect) {
        String number = pathVariables(request).get("number");
        if (number == null) {
            return "redirect:/";
        }
        redirect.addFlashAttribute("uploadTooLarge", uploads.maxSize().toMegabytes());
        return "redirect:/applications/" + CasePageController.parse(number);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }
}
