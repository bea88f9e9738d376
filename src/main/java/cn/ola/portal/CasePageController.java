package cn.ola.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicantCases.KindedUpload;
import cn.ola.applicant.CaseOverview;
import cn.ola.applicant.DocumentFile;
import cn.ola.applicant.DocumentKind;
import cn.ola.applicant.InvalidApplicationException;
import cn.ola.applicant.ListingOnAnotherMarket;
import cn.ola.applicant.RefusedUploadException;
import cn.ola.applicant.Upload;
import cn.ola.applicant.UploadPolicy;
import cn.ola.events.InvalidSubsequentOfferingException;
import cn.ola.events.MaterialEvent;
import cn.ola.events.MaterialEvents;
import cn.ola.events.SubsequentOffering;
import cn.ola.events.SubsequentOfferings;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.Exchanges;
import cn.ola.filing.ListingFacts;
import cn.ola.filing.StoredDocument;
import cn.ola.security.KeptForm;
import cn.ola.visibility.ExOfficioReviewSummary;
import cn.ola.workflow.ApplicantAction;
import cn.ola.workflow.ApplicationNotFoundException;
import cn.ola.workflow.CaseChangedMeanwhileException;
import cn.ola.workflow.CaseNotWaitingException;
import cn.ola.workflow.Deadlines;
import cn.ola.workflow.OpenStep;

/**
 * The company's page of one submitted application: where it stands, what the regulators are
 * doing and by when, what happened so far, its documents, and the steps the company takes
 * itself (answering a request for materials, reporting dates, withdrawing). Every action
 * redirects back to the page; an action on a case that has moved on changes nothing and says so.
 */
@Controller
class CasePageController {

    static final String VIEW = "cases/case";
    /** File inputs the answer form offers; a browser that sends more gets them all kept, as the API does. */
    static final List<Integer> FILE_SLOTS = List.of(1, 2, 3);

    private final ApplicantCases cases;
    private final MaterialEvents events;
    private final SubsequentOfferings offerings;
    private final ListingOnAnotherMarket anotherMarket;
    private final Deadlines deadlines;
    private final UploadPolicy uploads;

    CasePageController(ApplicantCases cases, MaterialEvents events, SubsequentOfferings offerings,
            ListingOnAnotherMarket anotherMarket, Deadlines deadlines, UploadPolicy uploads) {
        this.offerings = offerings;
        this.anotherMarket = anotherMarket;
        this.cases = cases;
        this.events = events;
        this.deadlines = deadlines;
        this.uploads = uploads;
    }

    @GetMapping("/applications/{number}")
    String page(@PathVariable String number, Authentication user, HttpServletRequest request, Model model) {
        ApplicationNumber caseNumber = parse(number);
        show(model, user, caseNumber);
        String answers = "/applications/" + caseNumber + "/materials/";
        KeptForm.takeUnder(request, answers).ifPresent(kept -> {
            // An answer typed before the session expired: shown again in its form, not yet sent.
            model.addAttribute("formKept", true);
            model.addAttribute("errorTask", kept.action().substring(answers.length()));
            model.addAttribute("typedAnswer", kept.value("answer"));
        });
        return VIEW;
    }

    @GetMapping("/applications/{number}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable String documentId, Authentication user) {
        DocumentFile file = cases.document(user.getName(), cases.application(user.getName(), parse(number)).id(),
                documentId(documentId));
        MediaType type;
        try {
            type = MediaType.parseMediaType(file.document().contentType());
        } catch (IllegalArgumentException odd) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.document().originalFilename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentLength(file.content().length)
                .body(file.content());
    }

    @PostMapping("/applications/{number}/materials/{taskId}")
    String supplyMaterials(@PathVariable String number, @PathVariable String taskId, Authentication user,
            @RequestParam(required = false) String answer,
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(name = "kind", required = false) List<String> kinds,
            Model model, RedirectAttributes redirect) throws IOException {
        ApplicationNumber caseNumber = parse(number);
        List<KindedUpload> kinded = new ArrayList<>();
        List<MultipartFile> given = files == null ? List.of() : files;
        for (int i = 0; i < given.size(); i++) {
            MultipartFile file = given.get(i);
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue; // an input left empty
            }
            DocumentKind kind = kinds != null && i < kinds.size()
                    ? DocumentKind.parse(kinds.get(i)).orElse(DocumentKind.SUPPLEMENT) : DocumentKind.SUPPLEMENT;
            kinded.add(new KindedUpload(kind, new Upload(file.getOriginalFilename(), file.getBytes())));
        }
        try {
            cases.supplyMaterials(user.getName(), caseNumber, taskId, answer, kinded);
        } catch (CaseNotWaitingException moved) {
            return notWaiting(caseNumber, redirect, moved);
        } catch (RefusedUploadException refused) {
            return again(model, user, caseNumber, taskId, answer, "materialsError",
                    new Problem("cases.upload." + refused.reason().name(),
                            refused.filename(), refused.maxBytes() / (1024 * 1024), refused.detectedType()));
        } catch (InvalidApplicationException invalid) {
            return again(model, user, caseNumber, taskId, answer, "materialsError", tooLong(invalid)
                    ? new Problem("cases.materials.tooLong", ApplicantCases.MAX_TEXT, answer.strip().length())
                    : new Problem("cases.materials.empty"));
        }
        redirect.addFlashAttribute("done", "cases.done.materials");
        return "redirect:/applications/" + caseNumber;
    }

    @PostMapping("/applications/{number}/overseas-submission")
    String reportOverseasSubmission(@PathVariable String number, @RequestParam(required = false) String date,
            Authentication user, Model model, RedirectAttributes redirect) {
        ApplicationNumber caseNumber = parse(number);
        Problem problem = pastDateProblem(date);
        if (problem != null) {
            return again(model, user, caseNumber, null, null, "overseasError", problem);
        }
        try {
            cases.reportOverseasSubmission(user.getName(), caseNumber, LocalDate.parse(date.strip()));
        } catch (CaseNotWaitingException moved) {
            return notWaiting(caseNumber, redirect, moved);
        }
        redirect.addFlashAttribute("done", "cases.done.overseas");
        return "redirect:/applications/" + caseNumber;
    }

    @PostMapping("/applications/{number}/listing")
    String reportListing(@PathVariable String number, @RequestParam(required = false) String date,
            Authentication user, Model model, RedirectAttributes redirect) {
        ApplicationNumber caseNumber = parse(number);
        Problem problem = pastDateProblem(date);
        if (problem != null) {
            return again(model, user, caseNumber, null, null, "listingError", problem);
        }
        try {
            cases.reportListing(user.getName(), caseNumber, LocalDate.parse(date.strip()));
        } catch (CaseNotWaitingException moved) {
            return notWaiting(caseNumber, redirect, moved);
        }
        redirect.addFlashAttribute("done", "cases.done.listing");
        return "redirect:/applications/" + caseNumber;
    }

    @PostMapping("/applications/{number}/compliance")
    String confirmCompliance(@PathVariable String number, @RequestParam(required = false) String statement,
            Authentication user, Model model, RedirectAttributes redirect) {
        ApplicationNumber caseNumber = parse(number);
        try {
            cases.confirmCompliance(user.getName(), caseNumber, statement);
        } catch (CaseNotWaitingException moved) {
            return notWaiting(caseNumber, redirect, moved);
        } catch (InvalidApplicationException invalid) {
            show(model, user, caseNumber);
            model.addAttribute("complianceError", tooLong(invalid)
                    ? new Problem("cases.compliance.tooLong", ApplicantCases.MAX_TEXT, statement.strip().length())
                    : new Problem("cases.compliance.empty"));
            model.addAttribute("typedStatement", statement);
            return VIEW;
        }
        redirect.addFlashAttribute("done", "cases.done.compliance");
        return "redirect:/applications/" + caseNumber;
    }

    /** The company withdraws a subsequent offering's filing before the CSRC concludes, with its reason. */
    @PostMapping("/applications/{number}/subsequent-offerings/{offeringId}/withdrawal")
    String withdrawOffering(@PathVariable String number, @PathVariable long offeringId,
            @RequestParam(required = false) String reason, Authentication user, Model model, RedirectAttributes redirect) {
        ApplicationNumber caseNumber = parse(number);
        if (!offerings.one(user.getName(), offeringId).applicationNumber().equals(caseNumber)) {
            throw new ApplicationNotFoundException("subsequent offering " + offeringId + " of " + caseNumber);
        }
        try {
            offerings.withdraw(user.getName(), offeringId, reason);
        } catch (CaseNotWaitingException concluded) {
            return notWaiting(caseNumber, redirect, concluded);
        } catch (InvalidSubsequentOfferingException invalid) {
            show(model, user, caseNumber);
            boolean tooLong = invalid.problems().stream()
                    .anyMatch(p -> p.problem() == InvalidSubsequentOfferingException.Problem.TOO_LONG);
            model.addAttribute("withdrawalError", tooLong
                    ? new Problem("cases.offerings.withdraw.tooLong", ApplicantCases.MAX_TEXT, reason.strip().length())
                    : new Problem("cases.offerings.withdraw.empty"));
            model.addAttribute("withdrawalOffering", offeringId);
            model.addAttribute("typedWithdrawalReason", reason);
            return VIEW;
        }
        redirect.addFlashAttribute("done", "cases.done.offeringWithdrawn");
        return "redirect:/applications/" + caseNumber + "#subsequent-offering-" + offeringId;
    }

    @GetMapping("/applications/{number}/withdraw")
    String confirmWithdrawal(@PathVariable String number, Authentication user, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        ApplicationNumber caseNumber = parse(number);
        CaseOverview overview = cases.overview(user.getName(), caseNumber);
        if (!overview.open()) {
            return notWaiting(caseNumber, redirect);
        }
        KeptForm.take(request, "/applications/" + caseNumber + "/withdraw").ifPresent(kept -> {
            model.addAttribute("formKept", true);
            model.addAttribute("typedReason", kept.value("reason"));
        });
        model.addAttribute("app", overview.application());
        model.addAttribute("company", overview.company());
        model.addAttribute("maxText", ApplicantCases.MAX_TEXT);
        return "cases/withdraw";
    }

    @PostMapping("/applications/{number}/withdraw")
    String withdraw(@PathVariable String number, @RequestParam(required = false) String reason, Authentication user,
            Model model, RedirectAttributes redirect) {
        ApplicationNumber caseNumber = parse(number);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        try {
            cases.withdraw(user.getName(), caseNumber, why);
        } catch (CaseNotWaitingException moved) {
            return notWaiting(caseNumber, redirect, moved);
        } catch (InvalidApplicationException invalid) {
            CaseOverview overview = cases.overview(user.getName(), caseNumber);
            model.addAttribute("app", overview.application());
            model.addAttribute("company", overview.company());
            model.addAttribute("typedReason", reason);
            model.addAttribute("maxText", ApplicantCases.MAX_TEXT);
            model.addAttribute("reasonError", new Problem("cases.withdraw.tooLong", ApplicantCases.MAX_TEXT, why.length()));
            return "cases/withdraw";
        }
        redirect.addFlashAttribute("done", "cases.done.withdrawn");
        return "redirect:/applications/" + caseNumber;
    }

    /** Whether the service refused a text for its length (its one rule for every text a company sends). */
    private static boolean tooLong(InvalidApplicationException invalid) {
        return invalid.problems().stream().anyMatch(p -> p.problem() == InvalidApplicationException.Problem.TOO_LONG);
    }

    /** A message code with its arguments, shown next to the action it belongs to. */
    record Problem(String code, Object... args) {
    }

    /** A material event reported from this case, with the ids of the CSRC's questions about it still open. */
    record EventRow(MaterialEvent event, List<String> openQuestions) {
    }

    /** A later offering filed from this case, with the ids of the CSRC's supplement requests still open. */
    record OfferingRow(SubsequentOffering offering, List<String> openRequests) {
    }

    /** A document as listed, its size for people; the kind is a document kind or a letter kind. */
    record DocumentRow(long id, String kind, String filename, String size, Instant uploadedAt,
            boolean current) {
    }

    private String again(Model model, Authentication user, ApplicationNumber number, String taskId, String answer,
            String errorName, Problem problem) {
        show(model, user, number);
        model.addAttribute(errorName, problem);
        model.addAttribute("errorTask", taskId);
        model.addAttribute("typedAnswer", answer);
        return VIEW;
    }

    private static String notWaiting(ApplicationNumber number, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notWaiting", true);
        return "redirect:/applications/" + number;
    }

    /** The case has moved on, or (worth a second look) changed at the same moment; either way nothing was done. */
    private static String notWaiting(ApplicationNumber number, RedirectAttributes redirect, CaseNotWaitingException why) {
        return why instanceof CaseChangedMeanwhileException ? changedMeanwhile(number, redirect) : notWaiting(number, redirect);
    }

    static String changedMeanwhile(ApplicationNumber number, RedirectAttributes redirect) {
        redirect.addFlashAttribute("changedMeanwhile", true);
        return "redirect:/applications/" + number;
    }

    /** What is wrong with a date typed for something that has happened: missing, not a date, or in the future; null if nothing. */
    private Problem pastDateProblem(String typed) {
        if (typed == null || typed.isBlank()) {
            return new Problem("cases.date.required");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(typed.strip());
        } catch (DateTimeParseException notADate) {
            return new Problem("cases.date.invalid", typed.strip());
        }
        if (date.isAfter(deadlines.today())) {
            return new Problem("cases.date.future", deadlines.today().toString());
        }
        return null;
    }

    private void show(Model model, Authentication user, ApplicationNumber number) {
        CaseOverview overview = cases.overview(user.getName(), number);
        model.addAttribute("overview", overview);
        model.addAttribute("app", overview.application());
        model.addAttribute("company", overview.company());
        model.addAttribute("actions", overview.actions());
        model.addAttribute("regulatorSteps", overview.openSteps().stream().filter(s -> !s.forApplicant()).toList());
        model.addAttribute("supplyMaterials", ApplicantAction.SUPPLY_MATERIALS);
        model.addAttribute("reportOverseas", ApplicantAction.REPORT_OVERSEAS_SUBMISSION);
        model.addAttribute("reportListing", ApplicantAction.REPORT_LISTING);
        model.addAttribute("confirmCompliance", ApplicantAction.CONFIRM_COMPLIANCE);
        model.addAttribute("timeline", overview.timeline());
        model.addAttribute("exOfficio", ExOfficioReviewSummary.of(overview.timeline()));
        model.addAttribute("documents", overview.documents().stream().map(CasePageController::row).toList());
        model.addAttribute("kinds", Arrays.asList(DocumentKind.values()));
        model.addAttribute("fileSlots", FILE_SLOTS);
        model.addAttribute("maxText", ApplicantCases.MAX_TEXT);
        model.addAttribute("maxUploadMb", uploads.maxSize().toMegabytes());
        model.addAttribute("today", deadlines.today());
        model.addAttribute("beijing", Deadlines.BEIJING);
        // Material events belong to the listed case they were reported from, and to no other.
        boolean listed = MaterialEvents.mayReport(overview.application().status());
        List<EventRow> reported = events.ofCase(user.getName(), number).stream()
                .map(event -> new EventRow(event, events.questions(event).stream().map(OpenStep::taskId).toList()))
                .toList();
        model.addAttribute("mayReportEvent", listed);
        model.addAttribute("materialEvents", reported);
        // So do later offerings on the listed market.
        model.addAttribute("mayFileOffering", SubsequentOfferings.mayFile(overview.application().status()));
        model.addAttribute("subsequentOfferings", offerings.ofCase(user.getName(), number).stream()
                .map(offering -> new OfferingRow(offering, offerings.supplements(offering).stream().map(OpenStep::taskId).toList()))
                .toList());
        // A listing on another market: the listed case it follows, or the applications started from this one.
        model.addAttribute("listingLinks", anotherMarket.of(user.getName(), overview.application().id()));
        model.addAttribute("otherMarkets", Exchanges.CODES.stream()
                .filter(code -> overview.application().facts() == null
                        || !code.equals(overview.application().facts().get(ListingFacts.VENUE_EXCHANGE)))
                .toList());
    }

    private static DocumentRow row(StoredDocument d) {
        return new DocumentRow(d.id(), d.kind(), d.originalFilename(),
                size(d.sizeBytes()), d.uploadedAt(), d.current());
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    static ApplicationNumber parse(String number) {
        try {
            return ApplicationNumber.parse(number);
        } catch (IllegalArgumentException notANumber) {
            throw new ApplicationNotFoundException(number);
        }
    }

    private static long documentId(String documentId) {
        try {
            return Long.parseLong(documentId);
        } catch (NumberFormatException notAnId) {
            throw new ApplicationNotFoundException("document " + documentId);
        }
    }
}
