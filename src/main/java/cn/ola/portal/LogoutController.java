package cn.ola.portal;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /logout} (a typed or bookmarked address): a page with the sign-out button, which
 * posts with the CSRF token. Signing out by a plain link would let any other site sign people out.
 */
@Controller
class LogoutController {

    @GetMapping("/logout")
    String confirm(Authentication user, Model model) {
        model.addAttribute("username", user.getName());
        return "account/logout";
    }
}
