package cn.ola.portal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.CaseOverview;
import cn.ola.applicant.Screening;
import cn.ola.filing.ApplicationNumber;
import cn.ola.workflow.ApplicationNotFoundException;
import cn.ola.workflow.ScreeningDecision;

/** The company's applications, and the confirmation it sees right after submitting one. */
@Controller
class ApplicationsController {

    private final ApplicantCases cases;
    private final MessageSource messages;

    ApplicationsController(ApplicantCases cases, MessageSource messages) {
        this.cases = cases;
        this.messages = messages;
    }

    @GetMapping("/applications")
    String list(Authentication user, Model model) {
        model.addAttribute("company", cases.companyOf(user.getName()));
        model.addAttribute("applications", cases.applications(user.getName()));
        return "applications/list";
    }

    @GetMapping("/applications/{number}/submitted")
    String submitted(@PathVariable String number, Authentication user, Model model) {
        CaseOverview overview = cases.overview(user.getName(), number(number));
        model.addAttribute("overview", overview);
        model.addAttribute("filed", overview.application());
        model.addAttribute("findings", overview.screening().stream().map(this::finding).toList());
        return "applications/submitted";
    }

    /** One screening result in words: which review or approval applies, and the decision's own reason. */
    record Finding(String decision, String heading, String sentence, String reason) {
    }

    private Finding finding(Screening screening) {
        Locale locale = LocaleContextHolder.getLocale();
        String prefix = "applications.screening." + screening.decision();
        String result = screening.result() == null ? "NONE" : screening.result();
        String sentence;
        if (screening.decision().equals(ScreeningDecision.INDUSTRY_PRIOR_APPROVAL.decisionKey()) && !result.equals("NONE")) {
            String regulator = messages.getMessage("applications.regulator." + result, null, result, locale);
            sentence = messages.getMessage(prefix + ".REQUIRED", new Object[] {regulator}, locale);
        } else {
            sentence = messages.getMessage(prefix + "." + result, null,
                    messages.getMessage("applications.screening.other", new Object[] {result}, locale), locale);
        }
        String heading = messages.getMessage(prefix, null, screening.decision(), locale);
        return new Finding(screening.decision(), heading, sentence, screening.reason());
    }

    static ApplicationNumber number(String text) {
        try {
            return ApplicationNumber.parse(text);
        } catch (RuntimeException notANumber) {
            throw new ApplicationNotFoundException(text);
        }
    }
}
