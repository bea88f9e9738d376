package cn.ola.portal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import cn.ola.company.Companies;
import cn.ola.company.CompanyAlreadyRegisteredException;
import cn.ola.company.CompanyUsers;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.company.UserIdTakenException;
import cn.ola.security.KeptForm;

/** A company registers itself with its first user, who can then sign in and file. */
@Controller
@RequestMapping("/register")
class RegistrationController {

    static final String VIEW = "register/register";

    private final CompanyUsers companyUsers;
    private final Companies companies;

    RegistrationController(CompanyUsers companyUsers, Companies companies) {
        this.companyUsers = companyUsers;
        this.companies = companies;
    }

    @GetMapping
    String form(@ModelAttribute("registration") RegistrationForm form, HttpServletRequest request, Model model) {
        KeptForm.take(request, "/register").ifPresent(kept -> {
            // Typed before the session expired (passwords are never kept): shown again, not yet sent.
            new WebDataBinder(form, "registration").bind(kept.propertyValues());
            model.addAttribute("formKept", true);
        });
        return VIEW;
    }

    @PostMapping
    String register(@ModelAttribute("registration") RegistrationForm form, BindingResult errors) {
        Optional<UnifiedSocialCreditCode> code = form.validate(errors);
        // Asked before the user name: a second click on "Register" must say the company is registered.
        if (code.isPresent() && companies.findByCreditCode(code.get()).isPresent()) {
            errors.rejectValue("creditCode", "cases.register.creditCode.taken");
        } else if (!errors.hasFieldErrors("userName") && companyUsers.userIdTaken(form.newUser().userId())) {
            errors.rejectValue("userName", "cases.user.userName.taken");
        }
        if (errors.hasErrors()) {
            form.forgetPasswords();
            return VIEW;
        }
        try {
            companyUsers.register(form.newCompany(code.get()), form.newUser());
        } catch (CompanyAlreadyRegisteredException raced) {
            errors.rejectValue("creditCode", "cases.register.creditCode.taken");
        } catch (UserIdTakenException raced) {
            // Two submissions at once: the first one registered the company and took the name.
            if (companies.findByCreditCode(code.get()).isPresent()) {
                errors.rejectValue("creditCode", "cases.register.creditCode.taken");
            } else {
                errors.rejectValue("userName", "cases.user.userName.taken");
            }
        }
        if (errors.hasErrors()) {
            form.forgetPasswords();
            return VIEW;
        }
        return "redirect:/login?registered";
    }
}
