package cn.ola.portal;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.ola.applicant.ApplicantCases;
import cn.ola.security.Roles;
import cn.ola.workflow.ApplicationNotFoundException;

@Controller
class HomeController {

    private final ApplicantCases cases;

    HomeController(ApplicantCases cases) {
        this.cases = cases;
    }

    @GetMapping("/")
    String home(Authentication user, Model model) {
        model.addAttribute("username", user.getName());
        model.addAttribute("staff", has(user, Roles.STAFF));
        model.addAttribute("admin", has(user, Roles.ADMIN));
        boolean company = has(user, Roles.COMPANY);
        model.addAttribute("company", company);
        if (company) {
            try {
                model.addAttribute("companyRecord", cases.companyOf(user.getName()));
            } catch (ApplicationNotFoundException notRegistered) {
                // A member of a company group whose company is not registered (yet): the links still help.
            }
        }
        return "home";
    }

    private static boolean has(Authentication user, String role) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
