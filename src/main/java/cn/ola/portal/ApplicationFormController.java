package cn.ola.portal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.ServletRequestParameterPropertyValues;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ListingOnAnotherMarket;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.applicant.ApplicationRules;
import cn.ola.applicant.DocumentKind;
import cn.ola.applicant.DraftChangedException;
import cn.ola.applicant.InvalidApplicationException;
import cn.ola.applicant.InvalidApplicationException.FieldProblem;
import cn.ola.applicant.NeededDocument;
import cn.ola.applicant.Submission;
import cn.ola.applicant.UploadPolicy;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.Fact;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.StoredDocument;
import cn.ola.security.KeptForm;
import cn.ola.workflow.AlreadySubmittedException;
import cn.ola.workflow.ApplicationNotFoundException;

/**
 * The application form of a draft: one page per section, each saving the whole draft over the
 * version the user read, then the review and the submission. Works without JavaScript.
 */
@Controller
@RequestMapping("/applications/drafts")
class ApplicationFormController {

    static final String SAVED = "saved";
    static final String NOTE = "note";

    private final ApplicantCases cases;
    private final UploadPolicy uploads;
    private final MessageSource messages;
    private final ListingOnAnotherMarket anotherMarket;

    ApplicationFormController(ApplicantCases cases, UploadPolicy uploads, MessageSource messages,
            ListingOnAnotherMarket anotherMarket) {
        this.cases = cases;
        this.uploads = uploads;
        this.messages = messages;
        this.anotherMarket = anotherMarket;
    }

    @PostMapping
    String create(Authentication user) {
        ListingApplication draft = cases.createDraft(user.getName(), new ApplicationDraft(ApplicationFacts.NONE, List.of()));
        return "redirect:/applications/drafts/" + draft.id() + "/" + Section.values()[0].path();
    }

    @GetMapping("/{id}/{section}")
    String show(@PathVariable long id, @PathVariable String section, Authentication user, HttpServletRequest request,
            Model model) {
        ListingApplication application = cases.application(user.getName(), id);
        if (application.submitted()) {
            return "redirect:/applications/" + application.number();
        }
        Section page = section(section);
        DraftForm form = DraftForm.of(application.facts(), cases.cloudContracts(user.getName(), id));
        Optional<KeptForm> kept = KeptForm.take(request, "/applications/drafts/" + id + "/" + page.path());
        if (kept.isPresent() && !page.fields().isEmpty()) {
            // Typed before the session expired: shown again over the draft, unsaved, at the version then read.
            form.bind(page, kept.get().propertyValues());
            form.dropBlankContractRows();
            model.addAttribute("formKept", true);
            return page(model, user, application, page, form, errors(), versionRead(kept.get().value("version"), application));
        }
        return page(model, user, application, page, form, errors(), application.version());
    }

    @PostMapping("/{id}/{section}")
    String save(@PathVariable long id, @PathVariable String section, @RequestParam(required = false) String version,
            @RequestParam(defaultValue = "save") String action, Authentication user, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Section page = section(section);
        ListingApplication application = cases.application(user.getName(), id);
        if (application.submitted()) {
            redirect.addFlashAttribute(NOTE, text("applications.note.alreadySubmitted", application.number()));
            return "redirect:/applications/" + application.number();
        }
        int read = versionRead(version, application);
        DraftForm form = DraftForm.of(application.facts(), cases.cloudContracts(user.getName(), id));
        if (!page.fields().isEmpty()) {
            form.bind(page, new ServletRequestParameterPropertyValues(request));
            form.dropBlankContractRows();
            DraftForm.Parsed parsed = form.parse();
            FormErrors errors = errors().typed(parsed.errors());
            if (errors.any()) {
                response.setStatus(422);
                return page(model, user, application, page, form, errors, read);
            }
            try {
                cases.updateDraft(user.getName(), id, read, parsed.draft());
            } catch (InvalidApplicationException invalid) {
                response.setStatus(422);
                return page(model, user, application, page, form, errors.problems(invalid.problems()), read);
            } catch (DraftChangedException changed) {
                response.setStatus(409);
                model.addAttribute("conflict", true);
                return page(model, user, application, page, form, errors, read);
            }
        }
        if ("continue".equals(action)) {
            return "redirect:/applications/drafts/" + id + "/" + page.next().map(Section::path).orElse("review");
        }
        redirect.addFlashAttribute(SAVED, true);
        return "redirect:/applications/drafts/" + id + "/" + page.path();
    }

    @GetMapping("/{id}/review")
    String review(@PathVariable long id, Authentication user, Model model) {
        ListingApplication application = cases.application(user.getName(), id);
        if (application.submitted()) {
            return "redirect:/applications/" + application.number();
        }
        return reviewPage(model, user, application, false);
    }

    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, Authentication user, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        ListingApplication application = cases.application(user.getName(), id);
        if (application.submitted()) {
            return alreadySubmitted(application.number().toString(), redirect);
        }
        try {
            Submission submission = cases.submit(user.getName(), id);
            return "redirect:/applications/" + submission.number() + "/submitted";
        } catch (AlreadySubmittedException twice) {
            return alreadySubmitted(twice.number().toString(), redirect);
        } catch (InvalidApplicationException invalid) {
            response.setStatus(422);
            return reviewPage(model, user, cases.application(user.getName(), id), true);
        }
    }

    /** The version the page was read at; a page without one saves over the current version, a garbled one over none. */
    private static int versionRead(String version, ListingApplication application) {
        if (version == null || version.isBlank()) {
            return application.version();
        }
        try {
            return Integer.parseInt(version.strip());
        } catch (NumberFormatException garbled) {
            return -1;
        }
    }

    private String alreadySubmitted(String number, RedirectAttributes redirect) {
        redirect.addFlashAttribute(NOTE, text("applications.note.alreadySubmitted", number));
        return "redirect:/applications/" + number + "/submitted";
    }

    private String reviewPage(Model model, Authentication user, ListingApplication application, boolean refused) {
        List<StoredDocument> documents = current(cases.documents(user.getName(), application.id()));
        List<FieldProblem> problems = new ArrayList<>(ApplicationRules.malformed(application.facts(),
                cases.cloudContracts(user.getName(), application.id())));
        problems.addAll(ApplicationRules.missing(application.facts()));
        problems.addAll(cases.missingDocuments(user.getName(), application.id()));
        model.addAttribute("draft", application);
        model.addAttribute("company", cases.companyOf(user.getName()));
        model.addAttribute("parts", ReviewRows.of(application.facts(),
                cases.cloudContracts(user.getName(), application.id()), messages, locale()));
        model.addAttribute("documents", documents);
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("missing", errors().problems(problems));
        model.addAttribute("refused", refused);
        model.addAttribute("sections", Section.values());
        model.addAttribute("current", "review");
        return "applications/review";
    }

    private String page(Model model, Authentication user, ListingApplication application, Section section,
            DraftForm form, FormErrors errors, int version) {
        model.addAttribute("draft", application);
        // Started from a listed case for another market: every page says which, and what is left to fill in.
        model.addAttribute("follows", anotherMarket.of(user.getName(), application.id()).follows().orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("version", version);
        model.addAttribute("section", section);
        model.addAttribute("sections", Section.values());
        model.addAttribute("current", section.path());
        // The choices of each coded question, with a saved value that is not among them.
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (Fact<?> fact : section.facts()) {
            if (!fact.offered().isEmpty()) {
                options.put(fact.name(), FormOptions.with(fact.offered(), form.value(fact.name())));
            }
        }
        model.addAttribute("options", options);
        switch (section) {
            case COMPANY -> model.addAttribute("company", cases.companyOf(user.getName()));
            case DOCUMENTS -> {
                List<StoredDocument> documents = current(cases.documents(user.getName(), application.id()));
                List<NeededDocument> needed = cases.neededDocuments(user.getName(), application.id());
                model.addAttribute("slots", EnumSet.allOf(DocumentKind.class).stream()
                        .map(kind -> new DocumentSlot(kind, documents.stream()
                                .filter(d -> d.kind().equals(kind.name())).toList(),
                                needed.stream().filter(n -> n.kind() == kind).findFirst().orElse(null)))
                        .toList());
                model.addAttribute("maxSizeMb", uploads.maxSize().toMegabytes());
                model.addAttribute("maxSizeKb", uploads.maxSize().toKilobytes());
                return "applications/documents";
            }
            default -> {
                // a page of questions
            }
        }
        return section == Section.COMPANY ? "applications/company" : "applications/questions";
    }

    /** A kind of document, the files of that kind the draft holds now, and whether (and why) it is needed. */
    record DocumentSlot(DocumentKind kind, List<StoredDocument> files, NeededDocument needed) {

        public boolean required() {
            return needed != null;
        }
    }

    private static List<StoredDocument> current(List<StoredDocument> documents) {
        return documents.stream().filter(StoredDocument::current).toList();
    }

    private static Section section(String path) {
        return Section.of(path).orElseThrow(() -> new ApplicationNotFoundException("page " + path));
    }

    private FormErrors errors() {
        return new FormErrors(messages, locale());
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, locale());
    }

    private static Locale locale() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }
}
