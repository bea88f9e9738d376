package cn.ola.staff;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Errors of the staff pages as pages that say what was not found, with a way back to the search. */
@ControllerAdvice(basePackageClasses = StaffErrors.class)
class StaffErrors {

    @ExceptionHandler(CaseNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(CaseNotFoundException missing, Model model) {
        model.addAttribute("messageCode", missing.messageCode());
        model.addAttribute("what", missing.what());
        return "staff/not-found";
    }
}
