package cn.ola.portal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.ola.workflow.ApplicationNotFoundException;

/**
 * An application that does not exist and one of another company look the same to the user: a
 * friendly "not found" page, never an error trace and never a hint that the other one exists.
 */
@ControllerAdvice(assignableTypes = {ApplicationsController.class, ApplicationFormController.class,
        DraftDocumentsController.class, DraftDeletionController.class})
class ApplicationFormErrors {

    @ExceptionHandler(ApplicationNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        return "applications/not-found";
    }

    /**
     * A save or submission that collided with another change of the same application at the same
     * moment and was undone (drafts are saved over the version read, so this is rare): back to the
     * page, which says so and shows the latest version.
     */
    @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class})
    String changedMeanwhile(HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("changedMeanwhile", true);
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Map<?, ?> path = variables instanceof Map<?, ?> map ? map : Map.of();
        String id = path.get("id") instanceof String text && text.matches("\\d{1,18}") ? text : null;
        if (id == null) {
            return "redirect:/applications";
        }
        String page = path.get("section") instanceof String section ? Section.of(section).map(Section::path).orElse("review")
                : "review";
        return "redirect:/applications/drafts/" + id + "/" + page;
    }
}
