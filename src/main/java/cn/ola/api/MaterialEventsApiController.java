package cn.ola.api;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.ola.api.Problems.FieldError;
import cn.ola.applicant.ApplicantCases;
import cn.ola.events.MaterialEvent;
import cn.ola.events.MaterialEventKind;
import cn.ola.events.MaterialEvents;
import cn.ola.filing.ListingApplication;
import cn.ola.workflow.CaseNotWaitingException;
import cn.ola.workflow.OpenStep;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A listed company's material events (Trial Measures Art. 15), reported from its listed case and
 * followed through the CSRC's handling, with the same conventions as the applications: HTTP Basic,
 * problem details, Idempotency-Key on creation, another company's event not found.
 */
@RestController
@RequestMapping(path = MaterialEventsApiController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Material events", description = "After the listing: the company reports a change of control, an overseas "
        + "investigation or sanction, a change of listing status or board, or a delisting within 3 working days after "
        + "it is announced (later reports are taken and marked late); the CSRC acknowledges, may ask questions, and "
        + "closes or refers the matter.")
class MaterialEventsApiController {

    static final String BASE = "/api/v1/material-events";

    private final MaterialEvents events;
    private final ApplicantCases cases;
    private final IdempotentRequests idempotent;

    MaterialEventsApiController(MaterialEvents events, ApplicantCases cases, IdempotentRequests idempotent) {
        this.events = events;
        this.cases = cases;
        this.idempotent = idempotent;
    }

    @Schema(description = "A material event to report, from a listed application of the caller's company.")
    record MaterialEventInput(
            @Schema(description = "The listed application (its id in /api/v1/applications)", example = "42") Long applicationId,
            @Schema(description = "What happened", example = "CHANGE_OF_CONTROL",
                    allowableValues = {"CHANGE_OF_CONTROL", "OVERSEAS_INVESTIGATION", "LISTING_STATUS_CHANGE",
                            "VOLUNTARY_DELISTING", "FORCED_DELISTING"}) String kind,
            @Schema(description = "The day the event was announced (YYYY-MM-DD), not after today", example = "2026-09-14")
            String announcedOn,
            @Schema(description = "The event in the company's words, at most 3000 characters",
                    example = "Example Holdings Ltd. acquired 51% of the shares and now controls the company.")
            String description) {
    }

    @Schema(description = "An answer to the CSRC's open question about the event. taskId names the question when "
            + "several are open.")
    record QuestionAnswer(String taskId,
            @Schema(example = "Example Holdings Ltd. is controlled by Mr. Zhang San.") String answer) {
    }

    @Schema(description = "A question of the CSRC the company has not answered yet.")
    record QuestionView(String taskId, String question, Instant due, Integer workingDaysLeft) {

        static QuestionView of(OpenStep step) {
            return new QuestionView(step.taskId(), step.request(), step.due(), step.workingDaysLeft());
        }
    }

    @Schema(description = "A material event as reported and as far as the CSRC has handled it. state: REPORTED, "
            + "ACKNOWLEDGED, QUESTIONS_ASKED, CLOSED or REFERRED; conclusion: the CSRC's explanation once closed or "
            + "referred; late: reported more than 3 working days after the announcement.")
    record MaterialEventView(long id, long applicationId, String applicationNumber, String kind, LocalDate announcedOn,
            String description, String reportedBy, Instant reportedAt, boolean late, String state, Instant acknowledgedAt,
            Instant concludedAt, String conclusion, List<QuestionView> questions, String self) {
    }

    @GetMapping
    @Operation(summary = "The company's material events", description = "Every event of every listed application of the "
            + "caller's company, newest first.")
    List<MaterialEventView> list(Principal user) {
        return events.ofCompany(user.getName()).stream().map(this::view).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report a material event",
            description = "Reports a material event of a listed application and starts the CSRC's handling. Only a "
                    + "LISTED application can report (409 otherwise). The same report sent again while the first is "
                    + "open files nothing new; with an Idempotency-Key a retry gets the same answer.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = MaterialEventInput.class))))
    @ApiResponse(responseCode = "201", description = "Reported; Location names the event",
            content = @Content(schema = @Schema(implementation = MaterialEventView.class)))
    @ApiResponse(responseCode = "400", description = "A field missing or malformed: kind, announcedOn, description",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "validation", value = ApiExamples.VALIDATION_PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such application, or another company's",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The application is not listed (a draft, under way, or ended otherwise)",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> report(@RequestBody MaterialEventInput input, Principal user,
            @Parameter(description = "Any unique text (e.g. a UUID) to retry the request safely")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        if (input.applicationId() == null) {
            throw new InvalidInputException(new FieldError("applicationId", "REQUIRED",
                    "Required: the id of the listed application the event concerns."));
        }
        return idempotent.run(user.getName(), key, "POST " + BASE, input, () -> {
            ListingApplication listed = cases.application(user.getName(), input.applicationId());
            if (!listed.submitted()) {
                throw new CaseNotWaitingException("Application " + input.applicationId() + " is a draft: only a listed "
                        + "application can report a material event.");
            }
            MaterialEvent event = events.report(user.getName(), listed.number(),
                    new MaterialEvents.Report(input.kind(), input.announcedOn(), input.description()));
            return ResponseEntity.created(URI.create(BASE + "/" + event.id())).body(view(event));
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "A material event", description = "With the CSRC's open questions, if any.")
    @ApiResponse(responseCode = "404", description = "No such event, or another company's",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    MaterialEventView one(@PathVariable long id, Principal user) {
        return view(events.one(user.getName(), id));
    }

    @PostMapping(path = "/{id}/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answer the CSRC's question about the event",
            description = "The CSRC's clock stops while a question is open. Files go with an answer through "
                    + "POST /api/v1/applications/{id}/materials-answers (multipart) with the question's taskId.")
    @ApiResponse(responseCode = "200", description = "Answered; the event as it is now")
    @ApiResponse(responseCode = "400", description = "No answer, or one too long", content = @Content(
            mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "No such question open", content = @Content(
            mediaType = "application/problem+json",
            examples = @ExampleObject(name = "not waiting", value = ApiExamples.CASE_NOT_WAITING_PROBLEM)))
    MaterialEventView answer(@PathVariable long id, @RequestBody QuestionAnswer body, Principal user) {
        String taskId = body.taskId() == null || body.taskId().isBlank() ? null : body.taskId().strip();
        events.answer(user.getName(), id, taskId, body.answer(), List.of());
        return view(events.one(user.getName(), id));
    }

    private MaterialEventView view(MaterialEvent e) {
        return new MaterialEventView(e.id(), e.applicationId(), e.applicationNumber().toString(), e.kind().name(),
                e.announcedOn(), e.description(), e.reportedBy(), e.reportedAt(), e.late(), e.state().name(),
                e.acknowledgedAt(), e.concludedAt(), e.conclusion(), events.questions(e).stream().map(QuestionView::of).toList(),
                BASE + "/" + e.id());
    }

    /** The codes a report may name, for the error message. */
    static String kinds() {
        return String.join(", ", MaterialEventKind.codes());
    }
}
