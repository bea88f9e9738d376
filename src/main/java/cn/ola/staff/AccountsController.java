package cn.ola.staff;

import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.ola.security.AccountLocks;
import cn.ola.security.AccountLocks.Outcome;
import cn.ola.workflow.Deadlines;

/**
 * The process administrators' page for sign-ins: lock an account (until an administrator unlocks
 * it, here or in Camunda Admin), unlock one, and see which user names and addresses wait after
 * failed sign-ins right now.
 */
@Controller
class AccountsController {

    private final AccountLocks locks;

    AccountsController(AccountLocks locks) {
        this.locks = locks;
    }

    /** A user name or address that waits, with its time in Beijing. */
    record WaitingRow(boolean address, String subject, int failures, ZonedDateTime until) {
    }

    @GetMapping("/staff/accounts")
    String page(Model model) {
        model.addAttribute("rule", locks.rule());
        model.addAttribute("locked", locks.locked());
        List<WaitingRow> waiting = locks.waiting().stream()
                .map(w -> new WaitingRow(w.address(), w.subject(), w.failures(), w.until().atZone(Deadlines.BEIJING)))
                .toList();
        model.addAttribute("waiting", waiting);
        return "staff/accounts";
    }

    @PostMapping("/staff/accounts/lock")
    String lock(@RequestParam(defaultValue = "") String userId, Authentication administrator, RedirectAttributes redirect) {
        return done(userId, userId.isBlank() ? Outcome.NO_SUCH_ACCOUNT : locks.lock(userId.strip(), administrator.getName()),
                redirect);
    }

    @PostMapping("/staff/accounts/unlock")
    String unlock(@RequestParam(defaultValue = "") String userId, Authentication administrator, RedirectAttributes redirect) {
        return done(userId, userId.isBlank() ? Outcome.NO_SUCH_ACCOUNT : locks.unlock(userId.strip(), administrator.getName()),
                redirect);
    }

    private static String done(String userId, Outcome outcome, RedirectAttributes redirect) {
        redirect.addFlashAttribute("outcome", outcome.name());
        redirect.addFlashAttribute("userId", userId.strip());
        return "redirect:/staff/accounts";
    }
}
