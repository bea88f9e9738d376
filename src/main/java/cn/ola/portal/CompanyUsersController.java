package cn.ola.portal;

import java.io.Serializable;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import cn.ola.company.Company;
import cn.ola.company.CompanyUsers;
import cn.ola.company.CompanyUsers.Removal;
import cn.ola.company.UserIdTakenException;
import cn.ola.security.KeptForm;

/**
 * The people who sign in for the company; any of them can invite a further one, or remove a
 * colleague (never the last one).
 */
@Controller
@RequestMapping("/company/users")
class CompanyUsersController {

    static final String VIEW = "company/users";

    private final CompanyUsers companyUsers;

    CompanyUsersController(CompanyUsers companyUsers) {
        this.companyUsers = companyUsers;
    }

    @GetMapping
    String users(Authentication user, @ModelAttribute("invitation") UserForm form, HttpServletRequest request, Model model) {
        KeptForm.take(request, "/company/users").ifPresent(kept -> {
            // An invitation typed before the session expired (without its passwords): shown again, not yet sent.
            new WebDataBinder(form, "invitation").bind(kept.propertyValues());
            model.addAttribute("formKept", true);
        });
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

    @GetMapping("/{userId}/remove")
    String confirmRemoval(Authentication user, @PathVariable String userId, Model model, RedirectAttributes redirect) {
        Company company = companyOf(user);
        Optional<User> colleague = companyUsers.members(company).stream().filter(m -> m.getId().equals(userId)).findFirst();
        if (colleague.isEmpty()) {
            redirect.addFlashAttribute("refused", new Refusal(Removal.NOT_A_MEMBER, userId));
            return "redirect:/company/users";
        }
        model.addAttribute("company", company);
        model.addAttribute("colleague", colleague.get());
        return "company/remove";
    }

    @PostMapping("/{userId}/remove")
    String remove(Authentication user, @PathVariable String userId, RedirectAttributes redirect) {
        Removal removal = companyUsers.remove(user.getName(), userId);
        if (removal == Removal.REMOVED) {
            redirect.addFlashAttribute("removed", userId);
        } else {
            // A second click or a colleague quicker than this one reads "no longer a user": nothing else happened.
            redirect.addFlashAttribute("refused", new Refusal(removal, userId));
        }
        return "redirect:/company/users";
    }

    /** Why a removal did not happen, and whom it concerned. */
    record Refusal(Removal reason, String userId) implements Serializable {
    }

    private Company companyOf(Authentication user) {
        return companyUsers.companyOf(user.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
