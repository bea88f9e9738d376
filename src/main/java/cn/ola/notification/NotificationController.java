package cn.ola.notification;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

import cn.ola.company.Company;
import cn.ola.company.CompanyUsers;

/** The company's inbox in the portal: newest first, unread marked, each linked to its case. */
@Controller
@RequestMapping("/notifications")
class NotificationController {

    static final int SHOWN = 200;

    private final CompanyUsers users;
    private final Notifications notifications;
    private final NotificationTexts texts;

    NotificationController(CompanyUsers users, Notifications notifications, NotificationTexts texts) {
        this.users = users;
        this.notifications = notifications;
        this.texts = texts;
    }

    /** One notification as the inbox shows it, in the reader's language. */
    record Item(long id, boolean unread, String title, String text, String details, String due, String number,
            String link, String createdAt, String kind) {
    }

    @GetMapping
    String inbox(Principal user, Locale locale, Model model) {
        Company company = company(user);
        List<Item> items = notifications.ofCompany(company.id(), SHOWN).stream()
                .map(n -> new Item(n.id(), n.unread(), texts.title(n, locale), texts.text(n, locale), n.details(),
                        texts.due(n, locale), n.applicationNumber(), n.link(), NotificationTexts.time(n.createdAt()),
                        n.kind().name().toLowerCase(Locale.ROOT)))
                .toList();
        model.addAttribute("items", items);
        model.addAttribute("unread", items.stream().filter(Item::unread).count());
        return "notifications/inbox";
    }

    @PostMapping("/{id}/read")
    String read(@PathVariable long id, Principal user) {
        if (!notifications.markRead(company(user).id(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such notification");
        }
        return "redirect:/notifications";
    }

    @PostMapping("/read-all")
    String readAll(Principal user) {
        notifications.markAllRead(company(user).id());
        return "redirect:/notifications";
    }

    private Company company(Principal user) {
        return users.companyOf(user.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Not a company user"));
    }
}
