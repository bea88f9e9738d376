package cn.ola.portal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import cn.ola.company.Company;
import cn.ola.company.CompanyUsers;
import cn.ola.company.UserIdTakenException;

/** The people who sign in for the company; any of them can invite a further one. */
@Controller
@RequestMapping("/company/users")
class CompanyUsersController {

    static final String VIEW = "company/users";

    private final CompanyUsers companyUsers;

    CompanyUsersController(CompanyUsers companyUsers) {
        this.companyUsers = companyUsers;
    }

    @GetMapping
    String users(Authentication user, @ModelAttribute("invitation") UserForm form, Model model) {
        model.addAttribute("company", companyOf(user));
        model.addAttribute("members", companyUsers.members(companyOf(user)));
        return VIEW;
    }

    @PostMapping
    String invite(Authentication user, @ModelAttribute("invitation") UserForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Company company = companyOf(user);
        form.validateUser(errors);
        if (!errors.hasFieldErrors("userName") && companyUsers.userIdTaken(form.newUser().userId())) {
            errors.rejectValue("userName", "cases.user.userName.taken");
        }
        if (!errors.hasErrors()) {
            try {
                companyUsers.invite(company, form.newUser());
                redirect.addFlashAttribute("invited", form.newUser().userId());
                return "redirect:/company/users";
            } catch (UserIdTakenException raced) {
                errors.rejectValue("userName", "cases.user.userName.taken");
            }
        }
        form.forgetPasswords();
        model.addAttribute("company", company);
        model.addAttribute("members", companyUsers.members(company));
        return VIEW;
    }

    private Company companyOf(Authentication user) {
        return companyUsers.companyOf(user.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
