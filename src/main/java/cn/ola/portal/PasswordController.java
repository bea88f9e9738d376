package cn.ola.portal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.ola.company.CompanyUsers;

/**
 * A company user changes their own password here. Regulator staff change theirs in Camunda's own
 * profile page (the start page of the Camunda apps), which this page points them to.
 */
@Controller
@RequestMapping("/account/password")
class PasswordController {

    static final String VIEW = "account/password";

    private final CompanyUsers companyUsers;

    PasswordController(CompanyUsers companyUsers) {
        this.companyUsers = companyUsers;
    }

    @GetMapping
    String form(Authentication user, @ModelAttribute("passwordForm") PasswordForm form, Model model) {
        model.addAttribute("companyUser", companyUsers.companyOf(user.getName()).isPresent());
        return VIEW;
    }

    @PostMapping
    String change(Authentication user, @ModelAttribute("passwordForm") PasswordForm form, BindingResult errors,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (companyUsers.companyOf(user.getName()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        form.validate(user.getName(), errors);
        if (!errors.hasErrors() && !companyUsers.changePassword(user.getName(), form.getCurrentPassword(), form.getNewPassword())) {
            errors.rejectValue("currentPassword", "password.currentWrong");
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            model.addAttribute("companyUser", true);
            return VIEW;
        }
        redirect.addFlashAttribute("changed", true);
        return "redirect:/account/password";
    }
}
