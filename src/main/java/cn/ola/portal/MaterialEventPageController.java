package cn.ola.portal;

import java.util.Arrays;
import java.util.HashMap;
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
import cn.ola.events.InvalidMaterialEventException;
import cn.ola.events.MaterialEventKind;
import cn.ola.events.MaterialEvents;
import cn.ola.filing.ApplicationNumber;
import cn.ola.security.KeptForm;
import cn.ola.workflow.CaseChangedMeanwhileException;
import cn.ola.workflow.CaseNotWaitingException;
import cn.ola.workflow.Deadlines;

/**
 * "Report a material event" on a listed case: the form, and the report it sends. A refused report
 * comes back with each field's problem next to it and everything typed filled in again; a case that
 * cannot report (not listed) sends the company back to its page with the calm "not waiting" notice.
 */
@Controller
class MaterialEventPageController {

    static final String VIEW = "cases/material-event";

    private final ApplicantCases cases;
    private final MaterialEvents events;
    private final Deadlines deadlines;

    MaterialEventPageController(ApplicantCases cases, MaterialEvents events, Deadlines deadlines) {
        this.cases = cases;
        this.events = events;
        this.deadlines = deadlines;
    }

    @GetMapping("/applications/{number}/material-events/new")
    String form(@PathVariable String number, Authentication user, jakarta.servlet.http.HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        ApplicationNumber caseNumber = CasePageController.parse(number);
        CaseOverview overview = cases.overview(user.getName(), caseNumber);
        if (!MaterialEvents.mayReport(overview.application().status())) {
            redirect.addFlashAttribute("notWaiting", true);
            return "redirect:/applications/" + caseNumber;
        }
        Map<String, String> typed = new HashMap<>();
        KeptForm.take(request, action(caseNumber)).ifPresent(kept -> {
            // A report typed before the session expired: shown again, not yet sent.
            model.addAttribute("formKept", true);
            typed.put("kind", kept.value("kind"));
            typed.put("announcedOn", kept.value("announcedOn"));
            typed.put("description", kept.value("description"));
        });
        return show(model, overview, typed, Map.of());
    }

    @PostMapping("/applications/{number}/material-events")
    String report(@PathVariable String number, Authentication user, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String announcedOn, @RequestParam(required = false) String description,
            Model model, RedirectAttributes redirect) {
        ApplicationNumber caseNumber = CasePageController.parse(number);
        try {
            events.report(user.getName(), caseNumber, new MaterialEvents.Report(kind, announcedOn, description));
        } catch (InvalidMaterialEventException invalid) {
            Map<String, String> errors = new HashMap<>();
            invalid.problems().forEach(p -> errors.putIfAbsent(p.field(), "cases.events.error." + p.problem().name()));
            Map<String, String> typed = new HashMap<>();
            typed.put("kind", kind);
            typed.put("announcedOn", announcedOn);
            typed.put("description", description);
            return show(model, cases.overview(user.getName(), caseNumber), typed, errors);
        } catch (CaseChangedMeanwhileException collided) {
            return CasePageController.changedMeanwhile(caseNumber, redirect);
        } catch (CaseNotWaitingException notListed) {
            redirect.addFlashAttribute("notWaiting", true);
            return "redirect:/applications/" + caseNumber;
        }
        redirect.addFlashAttribute("done", "cases.done.materialEvent");
        return "redirect:/applications/" + caseNumber + "#material-events";
    }

    private String show(Model model, CaseOverview overview, Map<String, String> typed, Map<String, String> errors) {
        model.addAttribute("app", overview.application());
        model.addAttribute("company", overview.company());
        model.addAttribute("kinds", Arrays.asList(MaterialEventKind.values()));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("maxText", ApplicantCases.MAX_TEXT);
        model.addAttribute("today", deadlines.today());
        return VIEW;
    }

    private static String action(ApplicationNumber number) {
        return "/applications/" + number + "/material-events";
    }
}
