package cn.ola.api;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.ola.api.Representations.ApplicationSummary;
import cn.ola.api.Representations.ApplicationView;
import cn.ola.api.Representations.SubmissionView;
import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ListingOnAnotherMarket;
import cn.ola.filing.ExchangeNames;
import cn.ola.filing.ReasonTexts;
import cn.ola.filing.ListingApplication;
import cn.ola.workflow.CaseNotWaitingException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A company's applications: list, draft, read, replace, submit. */
@RestController
@RequestMapping(path = Representations.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Applications", description = "Drafts and submitted applications of the caller's company.")
class ApplicationsApiController {

    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d{1,9})\"?$");

    private final ApplicantCases cases;
    private final ListingOnAnotherMarket anotherMarket;
    private final IdempotentRequests idempotent;
    private final ExchangeNames exchangeNames;
    private final ReasonTexts reasonTexts;

    ApplicationsApiController(ApplicantCases cases, ListingOnAnotherMarket anotherMarket, IdempotentRequests idempotent,
            ExchangeNames exchangeNames, ReasonTexts reasonTexts) {
        this.anotherMarket = anotherMarket;
        this.reasonTexts = reasonTexts;
        this.cases = cases;
        this.idempotent = idempotent;
        this.exchangeNames = exchangeNames;
    }

    @GetMapping
    @Operation(summary = "The company's applications", description = "Drafts and submitted applications, newest first.")
    List<ApplicationSummary> list(Principal user) {
        return cases.applications(user.getName()).stream().map(ApplicationSummary::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a draft",
            description = "Starts a draft with whatever is filled in; only malformed values are refused (400 with the "
                    + "field errors). Send an Idempotency-Key to retry safely: a retry with the same key and body gets "
                    + "the same answer and creates nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ApplicationInput.class),
                    examples = @ExampleObject(name = "draft", value = ApiExamples.CREATE_REQUEST))))
    @ApiResponse(responseCode = "201", description = "Draft created; Location names it, ETag carries its version",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @ApiResponse(responseCode = "400", description = "Malformed values, unknown fields or malformed JSON",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "validation", value = ApiExamples.VALIDATION_PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before for a different request",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> create(@RequestBody ApplicationInput input, Principal user,
            @Parameter(description = "Any unique text (e.g. a UUID) to retry the request safely")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        return idempotent.run(user.getName(), key, "POST " + Representations.BASE, input, () -> {
            ListingApplication draft = cases.createDraft(user.getName(), input.toDraft());
            return ResponseEntity.created(URI.create(Representations.BASE + "/" + draft.id()))
                    .eTag(Integer.toString(draft.version()))
                    .body(view(user, draft));
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "An application with all its facts",
            description = "The ETag header carries the version to send back in If-Match when replacing the draft.")
    @ApiResponse(responseCode = "200", description = "The application")
    @ApiResponse(responseCode = "404", description = "No such application, or another company's",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    ResponseEntity<ApplicationView> get(@PathVariable long id, Principal user) {
        ListingApplication application = cases.application(user.getName(), id);
        return ResponseEntity.ok().eTag(Integer.toString(application.version())).body(view(user, application));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a draft",
            description = "Replaces every field of the draft (a field left out becomes empty). The If-Match header "
                    + "must carry the version read (ETag or `version`): a draft changed meanwhile, or submitted, is not "
                    + "overwritten (409).",
            parameters = @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, required = true,
                    description = "The version read, e.g. \"3\"", example = "\"0\""))
    @ApiResponse(responseCode = "200", description = "Saved; the body and ETag carry the new version")
    @ApiResponse(responseCode = "409", description = "Changed meanwhile or already submitted",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "changed", value = ApiExamples.DRAFT_CHANGED_PROBLEM)))
    @ApiResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ApplicationView> replace(@PathVariable long id, @RequestBody ApplicationInput input, Principal user,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        cases.application(user.getName(), id);
        int version = version(ifMatch);
        ListingApplication saved = cases.updateDraft(user.getName(), id, version, input.toDraft());
        return ResponseEntity.ok().eTag(Integer.toString(saved.version())).body(view(user, saved));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft",
            description = "Deletes a draft of the caller's company with its uploaded documents. A submitted application "
                    + "cannot be deleted (409; withdraw it instead). Deleting again, or another company's draft, is 404.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such draft (deleted already), or another company's",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Not a draft: the application has been submitted",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "already submitted", value = ApiExamples.ALREADY_SUBMITTED_PROBLEM)))
    ResponseEntity<Void> delete(@PathVariable long id, Principal user) {
        cases.deleteDraft(user.getName(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/submission")
    @Operation(summary = "Submit the application",
            description = "Submits a complete draft: it gets its number, the screening decisions run and the case "
                    + "starts. Missing fields, declarations or documents → 400 listing them. Already submitted → 409 "
                    + "with the number. With an Idempotency-Key, a retry gets the same 201 answer.")
    @ApiResponse(responseCode = "201", description = "Submitted",
            content = @Content(schema = @Schema(implementation = SubmissionView.class),
                    examples = @ExampleObject(name = "submitted", value = ApiExamples.SUBMISSION_RESPONSE)))
    @ApiResponse(responseCode = "400", description = "Incomplete",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "incomplete", value = ApiExamples.INCOMPLETE_PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Already submitted",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "already submitted", value = ApiExamples.ALREADY_SUBMITTED_PROBLEM)))
    ResponseEntity<?> submit(@PathVariable long id, Principal user,
            @Parameter(description = "Any unique text (e.g. a UUID) to retry the request safely")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        String target = "POST " + Representations.BASE + "/" + id + "/submission";
        return idempotent.run(user.getName(), key, target, Map.of(), () -> {
            SubmissionView submitted = SubmissionView.of(id, cases.submit(user.getName(), id), reasonTexts);
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(submitted.caseHref())).body(submitted);
        });
    }

    @Schema(description = "The market of a listing abroad after the one of this application: an exchange code as in venueExchange.")
    record AnotherMarket(@Schema(example = "HKEX") String exchange) {
    }

    @PostMapping(path = "/{id}/another-market", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start an application for a listing on another market",
            description = "A company listed abroad that lists on another market goes the way of a first listing (Trial "
                    + "Measures Art. 16): a new application, screened like any other. Started from a LISTED application, "
                    + "the draft begins with its facts (the company, its data and business), the new market as the venue, "
                    + "and the listed market with the listing's date as the earlier listing; the kind of offering, its "
                    + "dates and the declarations are left to fill in. Its followsApplicationId names the listed "
                    + "application. Asked again for the same market while that draft is not submitted, it answers with "
                    + "that draft. The listed market itself is refused (SAME_MARKET: file a subsequent offering).")
    @ApiResponse(responseCode = "201", description = "Draft started; Location names it",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @ApiResponse(responseCode = "400", description = "exchange missing, unknown or the listed market",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such application, or another company's",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The application is not listed",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "not waiting", value = ApiExamples.CASE_NOT_WAITING_PROBLEM)))
    ResponseEntity<?> anotherMarket(@PathVariable long id, @RequestBody AnotherMarket body, Principal user,
            @Parameter(description = "Any unique text (e.g. a UUID) to retry the request safely")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        String target = "POST " + Representations.BASE + "/" + id + "/another-market";
        return idempotent.run(user.getName(), key, target, body, () -> {
            ListingApplication listed = cases.application(user.getName(), id);
            if (!listed.submitted()) {
                throw new CaseNotWaitingException("Application " + id + " is a draft: only a case listed abroad starts an "
                        + "application for another market from itself.");
            }
            ListingApplication draft = anotherMarket.start(user.getName(), listed.number(), body.exchange());
            return ResponseEntity.created(URI.create(Representations.BASE + "/" + draft.id()))
                    .eTag(Integer.toString(draft.version()))
                    .body(view(user, draft));
        });
    }

    private ApplicationView view(Principal user, ListingApplication application) {
        return ApplicationView.of(application, cases.cloudContracts(user.getName(), application.id()), exchangeNames,
                anotherMarket.of(user.getName(), application.id()).follows().map(ListingApplication::id).orElse(null));
    }

    private static int version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("Send the version you read in the If-Match header (e.g. If-Match: "
                    + "\"3\", the ETag of GET), so that changes made meanwhile are not overwritten.");
        }
        Matcher matcher = VERSION.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidInputException(new Problems.FieldError(HttpHeaders.IF_MATCH, "INVALID_FORMAT",
                    "The version read, as the ETag gave it, e.g. \"3\"."));
        }
        return Integer.parseInt(matcher.group(1));
    }
}
