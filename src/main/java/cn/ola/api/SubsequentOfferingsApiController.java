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
import cn.ola.events.SubsequentOffering;
import cn.ola.events.SubsequentOfferings;
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
 * A listed company's later offerings on the market where it is listed (Trial Measures Art. 16), filed from
 * its listed case and followed through the CSRC's handling, with the same conventions as the applications:
 * HTTP Basic, problem details, Idempotency-Key on creation, another company's offering not found.
 */
@RestController
@RequestMapping(path = SubsequentOfferingsApiController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Subsequent offerings", description = "After the listing: the company files a later offering on the market "
        + "where it is listed within 3 working days after the offering is completed (later filings are taken and marked "
        + "late); the CSRC checks completeness in 5 working days, may ask for supplements, and concludes in 20 with a "
        + "filing notice or a refusal. An offering on another market is a new listing abroad: a new application.")
class SubsequentOfferingsApiController {

    static final String BASE = "/api/v1/subsequent-offerings";

    private final SubsequentOfferings offerings;
    private final ApplicantCases cases;
    private final IdempotentRequests idempotent;

    SubsequentOfferingsApiController(SubsequentOfferings offerings, ApplicantCases cases, IdempotentRequests idempotent) {
        this.offerings = offerings;
        this.cases = cases;
        this.idempotent = idempotent;
    }

    @Schema(description = "A later offering to file, from a listed application of the caller's company.")
    record SubsequentOfferingInput(
            @Schema(description = "The listed application (its id in /api/v1/applications)", example = "42") Long applicationId,
            @Schema(description = "The exchange of the offering, a venueExchange code of /api/v1/applications; it must be "
                    + "the listed application's own", example = "HKEX") String exchange,
            @Schema(description = "The day the offering was completed (YYYY-MM-DD), not after today", example = "2026-09-14")
            String completedOn,
            @Schema(description = "The offering in the company's words: the kind of securities and the amount, at most "
                    + "3000 characters", example = "Placing of 200,000,000 new H shares at HKD 6.00, about HKD 1.2 billion.")
            String description) {
    }

    @Schema(description = "A supplement the CSRC asked for and the company has not sent yet.")
    record SupplementRequestView(String taskId, String request, Instant due, Integer workingDaysLeft) {

        static SupplementRequestView of(OpenStep step) {
            return new SupplementRequestView(step.taskId(), step.request(), step.due(), step.workingDaysLeft());
        }
    }

    @Schema(description = "A subsequent offering as filed and as far as the CSRC has handled it. state: FILED, "
            + "SUPPLEMENT_REQUESTED, COMPLETE, NOTICE_ISSUED, REFUSED or WITHDRAWN; conclusion: the CSRC's text once "
            + "concluded (the company's reason once withdrawn); "
            + "letter: where to download this offering's conclusion letter (also among the application's documents); "
            + "late: filed more than 3 working days after the completion.")
    record SubsequentOfferingView(long id, long applicationId, String applicationNumber, String exchange,
            LocalDate completedOn, String description, String filedBy, Instant filedAt, boolean late, String state,
            Instant concludedAt, String conclusion, String letter, List<SupplementRequestView> supplementRequests,
            String self) {
    }

    @GetMapping
    @Operation(summary = "The company's subsequent offerings", description = "Every later offering of every listed "
            + "application of the caller's company, newest first.")
    List<SubsequentOfferingView> list(Principal user) {
        return offerings.ofCompany(user.getName()).stream().map(this::view).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "File a subsequent offering",
            description = "Files a later offering of a listed application on its own market and starts the CSRC's "
                    + "handling. Only a LISTED application can file (409 case-not-waiting otherwise); an offering on "
                    + "another exchange is a new listing abroad (409 other-market: file a new application naming this "
                    + "listing as the earlier one). The same filing sent again while the first is open files nothing "
                    + "new; with an Idempotency-Key a retry gets the same answer.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = SubsequentOfferingInput.class))))
    @ApiResponse(responseCode = "201", description = "Filed; Location names the offering",
            content = @Content(schema = @Schema(implementation = SubsequentOfferingView.class)))
    @ApiResponse(responseCode = "400", description = "A field missing or malformed: exchange, completedOn, description",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "validation", value = ApiExamples.VALIDATION_PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such application, or another company's",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The application is not listed, or the offering is on another market",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> file(@RequestBody SubsequentOfferingInput input, Principal user,
            @Parameter(description = "Any unique text (e.g. a UUID) to retry the request safely")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        if (input.applicationId() == null) {
            throw new InvalidInputException(new FieldError("applicationId", "REQUIRED",
                    "Required: the id of the listed application the offering is filed from."));
        }
        return idempotent.run(user.getName(), key, "POST " + BASE, input, () -> {
            ListingApplication listed = cases.application(user.getName(), input.applicationId());
            if (!listed.submitted()) {
                throw new CaseNotWaitingException("Application " + input.applicationId() + " is a draft: only a listed "
                        + "application can file a subsequent offering.");
            }
            SubsequentOffering offering = offerings.file(user.getName(), listed.number(),
                    new SubsequentOfferings.Filing(input.exchange(), input.completedOn(), input.description()));
            return ResponseEntity.created(URI.create(BASE + "/" + offering.id())).body(view(offering));
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "A subsequent offering", description = "With the CSRC's open supplement requests, if any; "
            + "the company answers them like any request of its application (POST /api/v1/applications/{id}/materials-answers).")
    @ApiResponse(responseCode = "404", description = "No such offering, or another company's",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    SubsequentOfferingView one(@PathVariable long id, Principal user) {
        return view(offerings.one(user.getName(), id));
    }

    @Schema(description = "Why the company withdraws its filing, at most 3000 characters.")
    record Withdrawal(@Schema(example = "The placing was cancelled.") String reason) {
    }

    @PostMapping(path = "/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw the filing of a subsequent offering",
            description = "Until the CSRC concludes, the company may withdraw its filing: every open step ends, no letter "
                    + "is issued, the case stays LISTED; state becomes WITHDRAWN and conclusion carries the company's "
                    + "reason. Sent again once withdrawn, it answers with the withdrawn offering.")
    @ApiResponse(responseCode = "200", description = "Withdrawn; the offering as it is now")
    @ApiResponse(responseCode = "400", description = "reason missing or too long",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such offering, or another company's",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The CSRC has concluded on the offering",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "not waiting", value = ApiExamples.CASE_NOT_WAITING_PROBLEM)))
    SubsequentOfferingView withdraw(@PathVariable long id, @RequestBody Withdrawal body, Principal user) {
        return view(offerings.withdraw(user.getName(), id, body.reason()));
    }

    private SubsequentOfferingView view(SubsequentOffering o) {
        return new SubsequentOfferingView(o.id(), o.applicationId(), o.applicationNumber().toString(), o.exchange(),
                o.completedOn(), o.description(), o.filedBy(), o.filedAt(), o.late(), o.state().name(), o.concludedAt(),
                o.conclusion(), Representations.downloadHref(o.applicationId(), o.letterDocumentId()),
                offerings.supplements(o).stream().map(SupplementRequestView::of).toList(), BASE + "/" + o.id());
    }
}
