package cn.ola.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

import cn.ola.applicant.CaseOverview;
import cn.ola.applicant.Screening;
import cn.ola.applicant.Submission;
import cn.ola.audit.AuditEvent;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.BusinessFacts;
import cn.ola.filing.ExchangeNames;
import cn.ola.filing.ListingFacts;
import cn.ola.filing.ReasonTexts;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications.CloudContract;
import cn.ola.filing.StoredDocument;
import cn.ola.visibility.ExOfficioReviewSummary;
import cn.ola.workflow.Deadlines;
import cn.ola.workflow.OpenStep;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the API answers, as JSON: applications, submissions, documents and cases. */
final class Representations {

    static final String BASE = "/api/v1/applications";
    /** Due dates are days in Beijing, where the working-day calendar counts. */

    private Representations() {
    }

    static final String STAGE = "The first of `stages` in the order of the process; null when the case stands in none. "
            + "Kept for clients that read one stage: read `stages`, a case may wait on several checks at once.";
    static final String STAGES = "Every stage the case stands in now, in the order of the process: several while the "
            + "regulatory checks (CYBERSECURITY_REVIEW, DATA_PROTECTION, INDUSTRY_APPROVAL) run side by side; "
            + "REGULATORY_CHECKS only while none of them is under way. Empty for a draft and a closed case.";

    @Schema(description = "An application in the company's list.")
    record ApplicationSummary(long id, @Schema(example = "OLA-2026-000123", nullable = true) String number,
            @Schema(example = "SUBMITTED") String status,
            @Schema(example = "CYBERSECURITY_REVIEW", nullable = true, description = STAGE) String stage,
            @ArraySchema(arraySchema = @Schema(description = STAGES), schema = @Schema(example = "CYBERSECURITY_REVIEW"))
            List<String> stages, Instant submittedAt, Instant closedAt,
            @Schema(description = "Send it back in If-Match when replacing the draft") int version, String href) {

        static ApplicationSummary of(ListingApplication a) {
            return new ApplicationSummary(a.id(), numberOf(a), a.status(), a.stage(), a.stages(), a.submittedAt(),
                    a.closedAt(), a.version(), BASE + "/" + a.id());
        }
    }

    @Schema(description = "An application with every filed fact. `number` is set once it is submitted.")
    record ApplicationView(long id, String number, String status,
            @Schema(example = "CYBERSECURITY_REVIEW", nullable = true, description = STAGE) String stage,
            @ArraySchema(arraySchema = @Schema(description = STAGES), schema = @Schema(example = "CYBERSECURITY_REVIEW"))
            List<String> stages, Instant submittedAt,
            Instant closedAt, int version, @JsonIgnore ApplicationFacts facts,
            @Schema(description = "The venue's exchange by its name, in the language asked for (Accept-Language), "
                    + "the company's own name for OTHER; read only", example = "New York Stock Exchange", nullable = true)
            String venueExchangeDisplayName,
            @Schema(description = "The market of the earlier listing by its name; read only", nullable = true)
            String previouslyListedExchangeDisplayName,
            List<CloudContractView> cloudContracts,
            @Schema(description = "For a listing on another market started from a listed application: that application's "
                    + "id; read only", nullable = true)
            Long followsApplicationId) {

        /** Every filed fact under its question's name, null where unanswered (in the schema: {@link FactSchemas}). */
        @JsonAnyGetter
        Map<String, Object> filedFacts() {
            return facts.byName();
        }

        static ApplicationView of(ListingApplication a, List<CloudContract> contracts, ExchangeNames exchanges,
                Long followsApplicationId) {
            ApplicationFacts f = a.facts();
            return new ApplicationView(a.id(), numberOf(a), a.status(), a.stage(), a.stages(), a.submittedAt(),
                    a.closedAt(), a.version(), f,
                    exchanges.of(f.get(ListingFacts.VENUE_EXCHANGE), f.get(ListingFacts.VENUE_EXCHANGE_NAME)),
                    exchanges.of(f.get(BusinessFacts.PREVIOUSLY_LISTED_EXCHANGE)),
                    contracts.stream().map(c -> new CloudContractView(c.provider(), c.endDate())).toList(),
                    followsApplicationId);
        }
    }

    record CloudContractView(String provider, LocalDate endDate) {
    }

    @Schema(description = "What the company learns when it submits.")
    record SubmissionView(long id, @Schema(example = "OLA-2026-000123") String number, List<ScreeningView> screening,
            List<StepView> nextSteps, String caseHref) {

        static SubmissionView of(long id, Submission submission, ReasonTexts reasons) {
            return new SubmissionView(id, submission.number().toString(),
                    submission.screening().stream().map(s -> ScreeningView.of(s, reasons)).toList(),
                    submission.nextSteps().stream().map(StepView::of).toList(), BASE + "/" + id + "/case");
        }
    }

    @Schema(description = "One screening decision taken at submission (D1–D6): which, what it found and why.")
    record ScreeningView(@Schema(example = "cybersecurity-review-requirement") String decision,
            @Schema(example = "MANDATORY") String result,
            @Schema(description = "Why, as recorded: a message key with its arguments, or a text from before reasons had keys",
                    example = "screening.cyber.listingAbroad|3200000|exchange.NYSE") String reason,
            @Schema(description = "Why, in the language asked for (Accept-Language); read only",
                    example = "Network platform operator holding personal information of 3,200,000 users (more than 1,000,000), "
                            + "listing abroad on New York Stock Exchange: a cybersecurity review is mandatory "
                            + "(Cybersecurity Review Measures, Art. 7)") String reasonText) {

        static ScreeningView of(Screening s, ReasonTexts reasons) {
            return new ScreeningView(s.decision(), s.result(), s.reason(), reasons.of(s.reason()));
        }
    }

    @Schema(description = "A step the case waits for: the company's own (forApplicant) or a regulator's. The regulators' "
            + "internal work shows only as its stage under way (taskKey CYBERSECURITY_REVIEW or CSRC_FILING, no taskId).")
    record StepView(String taskId, @Schema(example = "Task_IntakeCheck") String taskKey, String name,
            boolean forApplicant,
            @Schema(description = "The company's action, where the step is the company's", nullable = true,
                    allowableValues = {"SUPPLY_MATERIALS", "REPORT_OVERSEAS_SUBMISSION", "REPORT_LISTING"}) String action,
            Instant openedAt, @Schema(description = "End of the last working day allowed") Instant due,
            @Schema(description = "The due day in Beijing") LocalDate dueDate,
            @Schema(description = "Working days left; 0 on the last day, negative once passed") Integer workingDaysLeft,
            @Schema(description = "What staff asked for, for a request for materials") String request,
            String requestedBy) {

        static StepView of(OpenStep s) {
            return new StepView(s.taskId(), s.taskKey(), s.name(), s.forApplicant(),
                    s.action() == null ? null : s.action().name(), s.openedAt(), s.due(),
                    s.due() == null ? null : s.due().atZone(Deadlines.BEIJING).toLocalDate(), s.workingDaysLeft(), s.request(),
                    s.requestedBy());
        }
    }

    @Schema(description = "A document kept for the application.")
    record DocumentView(long id, @Schema(example = "PROSPECTUS") String kind, String filename,
            @Schema(example = "application/pdf") String contentType, long sizeBytes, String sha256, String uploadedBy,
            Instant uploadedAt, @Schema(description = "False once replaced by a newer document of the kind") boolean current,
            String contentHref) {

        static DocumentView of(StoredDocument d) {
            return new DocumentView(d.id(), d.kind(), d.originalFilename(), d.contentType(), d.sizeBytes(), d.sha256(),
                    d.uploadedBy(), d.uploadedAt(), d.current(), downloadHref(d.applicationId(), d.id()));
        }
    }

    /** Where a document of an application is downloaded; null for no document. */
    static String downloadHref(long applicationId, Long documentId) {
        return documentId == null ? null : BASE + "/" + applicationId + "/documents/" + documentId + "/content";
    }

    @Schema(description = "Something that happened to the case, as the company may see it: details only where they are "
            + "its own words or addressed to it.")
    record EventView(Instant occurredAt,
            @Schema(description = "One of the company's users, \"system\", or \"regulator\" for regulator staff") String actor,
            @Schema(example = "SUBMITTED") String eventType, String stage, String outcome, String details) {

        static EventView of(AuditEvent e) {
            return new EventView(e.occurredAt(), e.actor(), e.eventType(), e.stage(), e.outcome(), e.details());
        }
    }

    @Schema(description = "A case as its company sees it.")
    record CaseView(long id, String number, String status,
            @Schema(example = "CYBERSECURITY_REVIEW", nullable = true, description = STAGE) String stage,
            @ArraySchema(arraySchema = @Schema(description = STAGES), schema = @Schema(example = "CYBERSECURITY_REVIEW"))
            List<String> stages, Instant submittedAt,
            Instant closedAt, @Schema(description = "Whether the case still runs (and can be withdrawn)") boolean open,
            List<ScreeningView> screening, List<StepView> openSteps,
            @Schema(description = "The steps the company can take now") List<StepView> actions,
            List<EventView> timeline, List<DocumentView> documents,
            @Schema(description = "The latest cybersecurity review the review office opened of this case on its own "
                    + "initiative, if any", nullable = true)
            ExOfficioReviewView exOfficioReview) {

        static CaseView of(CaseOverview overview, ReasonTexts reasons) {
            ListingApplication a = overview.application();
            return new CaseView(a.id(), numberOf(a), a.status(), a.stage(), a.stages(), a.submittedAt(), a.closedAt(),
                    overview.open(), overview.screening().stream().map(s -> ScreeningView.of(s, reasons)).toList(),
                    overview.openSteps().stream().map(StepView::of).toList(),
                    overview.actions().stream().map(StepView::of).toList(),
                    overview.timeline().stream().map(EventView::of).toList(),
                    overview.documents().stream().map(DocumentView::of).toList(),
                    ExOfficioReviewView.of(a.id(), ExOfficioReviewSummary.of(overview.timeline())));
        }

        /** A draft: nothing runs yet; only its documents are there. */
        static CaseView ofDraft(ListingApplication a, List<StoredDocument> documents) {
            return new CaseView(a.id(), null, a.status(), a.stage(), a.stages(), null, null, false, List.of(),
                    List.of(), List.of(), List.of(), documents.stream().map(DocumentView::of).toList(), null);
        }
    }

    @Schema(description = "An ex-officio cybersecurity review as the company sees it: when it was opened; the interim "
            + "measures in words with their dates, whether they are in force, and when and how they were lifted; when the "
            + "company confirmed compliance; the conclusion (CLEARED, RECTIFICATION_ORDERED or REFERRED_FOR_PENALTIES) "
            + "with the reasons written for the company, and where to download its letter. The grounds stay with the "
            + "regulators.")
    record ExOfficioReviewView(Instant openedAt, String interimMeasures, boolean measuresInForce, String measuresLifted,
            Instant complianceConfirmedAt, String conclusion, String conclusionReasons, String letter) {

        static ExOfficioReviewView of(long applicationId, ExOfficioReviewSummary review) {
            return review == null ? null : new ExOfficioReviewView(review.openedAt(), review.measures(),
                    review.measuresInForce(), review.lifted(), review.confirmedAt(), review.conclusion(),
                    review.conclusionReasons(), downloadHref(applicationId, review.letterId()));
        }
    }

    private static String numberOf(ListingApplication a) {
        return a.number() == null ? null : a.number().toString();
    }
}
