package cn.ola.api;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.ola.api.Problems.FieldError;
import cn.ola.api.Representations.CaseView;
import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicantCases.KindedUpload;
import cn.ola.applicant.DocumentKind;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ReasonTexts;
import cn.ola.workflow.CaseNotWaitingException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A submitted case: where it stands, and the steps the company takes in it. */
@RestController
@RequestMapping(path = Representations.BASE + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Case", description = "Where a submitted application stands, and the company's actions in it. Every action "
        + "answers with the case as it is afterwards; an action the case no longer waits for (answered already, "
        + "deadline passed, case ended) is refused with 409 and changes nothing.")
class CaseController {


    private final ApplicantCases cases;
    private final ReasonTexts reasonTexts;

    CaseController(ApplicantCases cases, ReasonTexts reasonTexts) {
        this.reasonTexts = reasonTexts;
        this.cases = cases;
    }

    @Schema(description = "An answer to a request for materials. taskId names the request when several are open.")
    record MaterialsAnswer(String taskId, @Schema(example = "The export evidence is attached as document 17.") String answer) {
    }

    record OverseasSubmission(@Schema(example = "2026-03-02") LocalDate submittedOn) {
    }

    record ListingReport(@Schema(example = "2026-09-15") LocalDate listedOn) {
    }

    record Withdrawal(@Schema(example = "The listing is postponed.") String reason) {
    }

    @Schema(description = "The company's confirmation that it complies with the interim measures of an ex-officio "
            + "cybersecurity review: what it did.")
    record ComplianceConfirmation(@Schema(example = "New user registrations suspended on 3 March.") String statement) {
    }

    @GetMapping("/case")
    @Operation(summary = "The case", description = "Status, the stages it stands in now, screening results, open steps with due dates and "
            + "working days left (and the request text where staff ask for materials), the company's open actions, "
            + "the timeline and the documents.")
    CaseView view(@PathVariable long id, Principal user) {
        ListingApplication application = cases.application(user.getName(), id);
        return application.submitted() ? CaseView.of(cases.overview(user.getName(), application.number()), reasonTexts)
                : CaseView.ofDraft(application, cases.documents(user.getName(), id));
    }

    @PostMapping(path = "/materials-answers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answer a request for materials")
    @ApiResponse(responseCode = "200", description = "Answered; the case as it is now")
    @ApiResponse(responseCode = "409", description = "No such request open", content = @Content(
            mediaType = "application/problem+json",
            examples = @ExampleObject(name = "not waiting", value = ApiExamples.CASE_NOT_WAITING_PROBLEM)))
    CaseView answer(@PathVariable long id, @RequestBody MaterialsAnswer body, Principal user) {
        ApplicationNumber number = submitted(user, id);
        cases.supplyMaterials(user.getName(), number, blankToNull(body.taskId()), body.answer(), List.of());
        return CaseView.of(cases.overview(user.getName(), number), reasonTexts);
    }

    @PostMapping(path = "/materials-answers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Answer a request for materials, with files",
            description = "multipart/form-data: `answer`, optional `taskId`, any number of `files`, each with a `kinds` "
                    + "entry in the same order (SUPPLEMENT when left out).")
    CaseView answerWithFiles(@PathVariable long id, Principal user,
            @RequestParam(name = "answer", required = false) String answer,
            @RequestParam(name = "taskId", required = false) String taskId,
            @RequestParam(name = "kinds", required = false) List<String> kinds,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        ApplicationNumber number = submitted(user, id);
        List<KindedUpload> uploads = new ArrayList<>();
        List<MultipartFile> attached = files == null ? List.of() : files;
        for (int i = 0; i < attached.size(); i++) {
            DocumentKind kind = kinds == null || kinds.size() <= i ? DocumentKind.SUPPLEMENT
                    : DocumentsController.kind(kinds.get(i), "kinds[" + i + "]");
            uploads.add(new KindedUpload(kind, DocumentsController.upload(attached.get(i))));
        }
        cases.supplyMaterials(user.getName(), number, blankToNull(taskId), answer, uploads);
        return CaseView.of(cases.overview(user.getName(), number), reasonTexts);
    }

    @PostMapping(path = "/overseas-submission", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report the day the overseas listing application was submitted")
    CaseView overseasSubmission(@PathVariable long id, @RequestBody OverseasSubmission body, Principal user) {
        ApplicationNumber number = submitted(user, id);
        cases.reportOverseasSubmission(user.getName(), number, required(body.submittedOn(), "submittedOn"));
        return CaseView.of(cases.overview(user.getName(), number), reasonTexts);
    }

    @PostMapping(path = "/listing-report", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report that the listing took place")
    CaseView listingReport(@PathVariable long id, @RequestBody ListingReport body, Principal user) {
        ApplicationNumber number = submitted(user, id);
        cases.reportListing(user.getName(), number, required(body.listedOn(), "listedOn"));
        return CaseView.of(cases.overview(user.getName(), number), reasonTexts);
    }

    @PostMapping(path = "/interim-measures-compliance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm compliance with the interim measures of an ex-officio cybersecurity review")
    CaseView confirmCompliance(@PathVariable long id, @RequestBody ComplianceConfirmation body, Principal user) {
        ApplicationNumber number = submitted(user, id);
        cases.confirmCompliance(user.getName(), number, body.statement());
        return CaseView.of(cases.overview(user.getName(), number), reasonTexts);
    }

    @PostMapping(path = "/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw the application", description = "Every open step of the case ends.")
    CaseView withdraw(@PathVariable long id, @RequestBody Withdrawal body, Principal user) {
        ApplicationNumber number = submitted(user, id);
        String reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty()) {
            throw new InvalidInputException(new FieldError("reason", "REQUIRED", "Say why the application is withdrawn."));
        }
        cases.withdraw(user.getName(), number, reason);
        return CaseView.of(cases.overview(user.getName(), number), reasonTexts);
    }

    private ApplicationNumber submitted(Principal user, long id) {
        ListingApplication application = cases.application(user.getName(), id);
        if (!application.submitted()) {
            throw new CaseNotWaitingException("Application " + id + " is a draft: submit it first.");
        }
        return application.number();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(new FieldError(field, "REQUIRED", "Required, as YYYY-MM-DD."));
        }
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
