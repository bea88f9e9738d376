package cn.ola.portal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.ola.applicant.ApplicantCases;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.StoredDocument;
import cn.ola.workflow.AlreadySubmittedException;
import cn.ola.workflow.ApplicationNotFoundException;

/** Deleting a draft of one's company, after a confirmation that says what goes with it. */
@Controller
class DraftDeletionController {

    private final ApplicantCases cases;
    private final MessageSource messages;

    DraftDeletionController(ApplicantCases cases, MessageSource messages) {
        this.cases = cases;
        this.messages = messages;
    }

    @GetMapping("/applications/drafts/{id}/delete")
    String confirm(@PathVariable long id, Authentication user, Model model) {
        ListingApplication draft = cases.application(user.getName(), id);
        if (draft.submitted()) {
            return "redirect:/applications/" + draft.number();
        }
        model.addAttribute("draft", draft);
        model.addAttribute("company", cases.companyOf(user.getName()));
        model.addAttribute("documents", cases.documents(user.getName(), id).stream().filter(StoredDocument::current).count());
        return "applications/delete";
    }

    @PostMapping("/applications/drafts/{id}/delete")
    String delete(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        try {
            int documents = cases.deleteDraft(user.getName(), id);
            redirect.addFlashAttribute(ApplicationFormController.NOTE, text("drafts.deleted", documents));
            return "redirect:/applications";
        } catch (AlreadySubmittedException submitted) {
            // A colleague submitted it meanwhile: it stays, and the case page says where it stands.
            redirect.addFlashAttribute(ApplicationFormController.NOTE, text("drafts.delete.submitted", submitted.number()));
            return "redirect:/applications/" + submitted.number() + "/submitted";
        } catch (ApplicationNotFoundException gone) {
            // A second click, or a colleague was quicker; another company's draft reads the same.
            redirect.addFlashAttribute(ApplicationFormController.NOTE, text("drafts.delete.gone"));
            return "redirect:/applications";
        }
    }

    private String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }
}
