package cn.ola.portal;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.ola.security.LoginFailureHandler;

@Controller
class LoginController {

    /** The failure reason (a message of this page) and typed user name are left by the security module for one view. */
    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        model.addAttribute("failure", take(session, LoginFailureHandler.REASON));
        model.addAttribute("username", take(session, LoginFailureHandler.USERNAME));
        return "login";
    }

    private static Object take(HttpSession session, String name) {
        Object value = session.getAttribute(name);
        session.removeAttribute(name);
        return value;
    }
}
