package cn.ola.portal;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.ola.security.Roles;

@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication user, Model model) {
        model.addAttribute("username", user.getName());
        model.addAttribute("staff", has(user, Roles.STAFF));
        model.addAttribute("admin", has(user, Roles.ADMIN));
        model.addAttribute("company", has(user, Roles.COMPANY));
        return "home";
    }

    private static boolean has(Authentication user, String role) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
