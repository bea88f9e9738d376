package cn.ola.portal;

import cn.ola.filing.ListingFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.CaseOverview;
import cn.ola.applicant.InvalidApplicationException;
import cn.ola.applicant.ListingOnAnotherMarket;
import cn.ola.events.InvalidSubsequentOfferingException;
import cn.ola.events.OtherMarketException;
import cn.ola.events.SubsequentOfferings;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.Exchanges;
import cn.ola.filing.ListingApplication;
import cn.ola.security.KeptForm;
import cn.ola.workflow.CaseChangedMeanwhileException;
import cn.ola.workflow.CaseNotWaitingException;
import cn.ola.workflow.Deadlines;

/**
 * "File a subsequent offering" on a listed case: the form, and the filing it sends. A refused filing
 * comes back with each field's problem next to it and everything typed filled in again; an offering on
 * another market comes back with the way to a new application, which starts from this case; a case that cannot file (not listed) sends
 * the company back to its page with the calm "not waiting" notice.
 */
@Controller
class SubsequentOfferingPageController {

    static final String VIEW = "cases/subsequent-offering";

    private final ApplicantCases cases;
    private final SubsequentOfferings offerings;
    private final ListingOnAnotherMarket anotherMarket;
    private final Deadlines deadlines;

    SubsequentOfferingPageController(ApplicantCases cases, SubsequentOfferings offerings, ListingOnAnotherMarket anotherMarket,
            Deadlines deadlines) {
        this.cases = cases;
        this.offerings = offerings;
        this.anotherMarket = anotherMarket;
        this.deadlines = deadlines;
    }

    @GetMapping("/applications/{number}/subsequent-offerings/new")
    String form(@PathVariable String number, Authentication user, jakarta.servlet.http.HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        ApplicationNumber caseNumber = CasePageController.parse(number);
        CaseOverview overview = cases.overview(user.getName(), caseNumber);
        if (!SubsequentOfferings.mayFile(overview.application().status())) {
            redirect.addFlashAttribute("notWaiting", true);
            return "redirect:/applications/" + caseNumber;
        }
        Map<String, String> typed = new HashMap<>();
        typed.put("exchange", overview.application().facts() == null ? null : overview.application().facts().get(ListingFacts.VENUE_EXCHANGE));
        KeptForm.take(request, action(caseNumber)).ifPresent(kept -> {
            // A filing typed before the session expired: shown again, not yet sent.
            model.addAttribute("formKept", true);
            typed.put("exchange", kept.value("exchange"));
            typed.put("completedOn", kept.value("completedOn"));
            typed.put("description", kept.value("description"));
        });
        return show(model, overview, typed, Map.of());
    }

    @PostMapping("/applications/{number}/subsequent-offerings")
    String file(@PathVariable String number, Authentication user, @RequestParam(required = false) String exchange,
            @RequestParam(required = false) String completedOn, @RequestParam(required = false) String description,
            Model model, RedirectAttributes redirect) {
        ApplicationNumber caseNumber = CasePageController.parse(number);
        Map<String, String> typed = new HashMap<>();
        typed.put("exchange", exchange);
        typed.put("completedOn", completedOn);
        typed.put("description", description);
        try {
            offerings.file(user.getName(), caseNumber, new SubsequentOfferings.Filing(exchange, completedOn, description));
        } catch (InvalidSubsequentOfferingException invalid) {
            Map<String, String> errors = new HashMap<>();
            invalid.problems().forEach(p -> errors.putIfAbsent(p.field(), "cases.offerings.error." + p.problem().name()));
            return show(model, cases.overview(user.getName(), caseNumber), typed, errors);
        } catch (OtherMarketException otherMarket) {
            model.addAttribute("otherMarket", true);
            return show(model, cases.overview(user.getName(), caseNumber), typed,
                    Map.of("exchange", "cases.offerings.error.OTHER_MARKET"));
        } catch (CaseChangedMeanwhileException collided) {
            return CasePageController.changedMeanwhile(caseNumber, redirect);
        } catch (CaseNotWaitingException notListed) {
            redirect.addFlashAttribute("notWaiting", true);
            return "redirect:/applications/" + caseNumber;
        }
        redirect.addFlashAttribute("done", "cases.done.subsequentOffering");
        return "redirect:/applications/" + caseNumber + "#subsequent-offerings";
    }

    /**
     * "Start the application for this market": a listing on another market goes the way of a first listing,
     * in a new application that begins with what this case filed and names this listing as the earlier one.
     * What the company typed about the offering stays on the offering form if the start is refused.
     */
    @PostMapping("/applications/{number}/another-market")
    String startOnAnotherMarket(@PathVariable String number, Authentication user,
            @RequestParam(required = false) String exchange, @RequestParam(required = false) String completedOn,
            @RequestParam(required = false) String description, Model model, RedirectAttributes redirect) {
        ApplicationNumber caseNumber = CasePageController.parse(number);
        try {
            ListingApplication draft = anotherMarket.start(user.getName(), caseNumber, exchange);
            return "redirect:/applications/drafts/" + draft.id() + "/" + Section.LISTING.path();
        } catch (InvalidApplicationException invalid) {
            Map<String, String> typed = new HashMap<>();
            typed.put("exchange", exchange);
            typed.put("completedOn", completedOn);
            typed.put("description", description);
            Map<String, String> errors = new HashMap<>();
            invalid.problems().forEach(p -> errors.putIfAbsent("exchange", "applications.problem." + p.problem().name()));
            return show(model, cases.overview(user.getName(), caseNumber), typed, errors);
        } catch (CaseNotWaitingException notListed) {
            redirect.addFlashAttribute("notWaiting", true);
            return "redirect:/applications/" + caseNumber;
        }
    }

    private String show(Model model, CaseOverview overview, Map<String, String> typed, Map<String, String> errors) {
        model.addAttribute("app", overview.application());
        model.addAttribute("company", overview.company());
        model.addAttribute("listedExchange", overview.application().facts() == null ? null
                : overview.application().facts().get(ListingFacts.VENUE_EXCHANGE));
        model.addAttribute("exchanges", new ArrayList<>(List.copyOf(Exchanges.CODES)));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("maxText", ApplicantCases.MAX_TEXT);
        model.addAttribute("today", deadlines.today());
        return VIEW;
    }

    private static String action(ApplicationNumber number) {
        return "/applications/" + number + "/subsequent-offerings";
    }
}
