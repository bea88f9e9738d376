package cn.ola.portal;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import cn.ola.workflow.ApplicationNotFoundException;

/**
 * An application that does not exist and one of another company look the same to the user: a
 * friendly "not found" page, never an error trace and never a hint that the other one exists.
 */
@ControllerAdvice(assignableTypes = {ApplicationsController.class, ApplicationFormController.class,
        DraftDocumentsController.class})
class ApplicationFormErrors {

    @ExceptionHandler(ApplicationNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        return "applications/not-found";
    }
}
