package cn.ola.portal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
import cn.ola.events.MaterialEvent;
import cn.ola.events.MaterialEvents;
import cn.ola.events.SubsequentOffering;
import cn.ola.events.SubsequentOfferings;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplication;
import cn.ola.workflow.ApplicationNotFoundException;
import cn.ola.workflow.ExOfficioReviews;
import cn.ola.workflow.ScreeningDecision;

/** The company's applications, and the confirmation it sees right after submitting one. */
@Controller
class ApplicationsController {

    private final ApplicantCases cases;
    private final MaterialEvents events;
    private final SubsequentOfferings offerings;
    private final ExOfficioReviews exOfficio;
    private final MessageSource messages;

    ApplicationsController(ApplicantCases cases, MaterialEvents events, SubsequentOfferings offerings,
            ExOfficioReviews exOfficio, MessageSource messages) {
        this.cases = cases;
        this.events = events;
        this.offerings = offerings;
        this.exOfficio = exOfficio;
        this.messages = messages;
    }

    /** What runs beside a case after its listing, as the company's list names it. */
    enum Beside {
        MATERIAL_EVENT, SUBSEQUENT_OFFERING, EX_OFFICIO_REVIEW
    }

    @GetMapping("/applications")
    String list(Authentication user, Model model) {
        List<ListingApplication> applications = cases.applications(user.getName());
        model.addAttribute("company", cases.companyOf(user.getName()));
        model.addAttribute("applications", applications);
        model.addAttribute("beside", beside(user.getName(), applications));
        return "applications/list";
    }

    /** Per case, the procedures open beside it: material events, later offerings, an ex-officio review. */
    private Map<Long, Set<Beside>> beside(String userId, List<ListingApplication> applications) {
        Map<Long, Set<Beside>> open = new HashMap<>();
        events.ofCompany(userId).stream().filter(MaterialEvent::open)
                .forEach(event -> open.computeIfAbsent(event.applicationId(), id -> EnumSet.noneOf(Beside.class))
                        .add(Beside.MATERIAL_EVENT));
        offerings.ofCompany(userId).stream().filter(SubsequentOffering::open)
                .forEach(offering -> open.computeIfAbsent(offering.applicationId(), id -> EnumSet.noneOf(Beside.class))
                        .add(Beside.SUBSEQUENT_OFFERING));
        applications.stream().filter(ListingApplication::submitted).filter(a -> exOfficio.open(a.number()))
                .forEach(a -> open.computeIfAbsent(a.id(), id -> EnumSet.noneOf(Beside.class)).add(Beside.EX_OFFICIO_REVIEW));
        return open;
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
