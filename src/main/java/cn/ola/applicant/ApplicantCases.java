package cn.ola.applicant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ola.applicant.InvalidApplicationException.FieldProblem;
import cn.ola.applicant.InvalidApplicationException.Problem;
import cn.ola.audit.AuditEvent;
import cn.ola.audit.AuditEventType;
import cn.ola.audit.AuditTrail;
import cn.ola.company.Company;
import cn.ola.company.CompanyUsers;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.CaseStatus;
import cn.ola.filing.DocumentStore;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications;
import cn.ola.filing.StoredDocument;
import cn.ola.visibility.CompanyView;
import cn.ola.workflow.AlreadySubmittedException;
import cn.ola.workflow.ApplicantAction;
import cn.ola.workflow.ApplicationNotFoundException;
import cn.ola.workflow.CaseNotWaitingException;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.RequiredDocuments;

/**
 * Everything a company user does with its applications, for the portal and the API alike.
 * Every call names the user; an application of another company is reported as not found,
 * exactly like one that does not exist.
 */
@Service
public class ApplicantCases {

    /**
     * The most a company may write in an answer or a withdrawal reason: it must fit, with the
     * names of the files sent along, into the audit trail's details and Camunda's text variables.
     */
    public static final int MAX_TEXT = 3000;

    private final CompanyUsers companyUsers;
    private final ListingApplications applications;
    private final DocumentStore documents;
    private final UploadPolicy uploads;
    private final CaseWorkflow workflow;
    private final AuditTrail audit;
    private final RequiredDocuments requiredDocuments;

    ApplicantCases(CompanyUsers companyUsers, ListingApplications applications, DocumentStore documents,
            UploadPolicy uploads, CaseWorkflow workflow, AuditTrail audit, RequiredDocuments requiredDocuments) {
        this.requiredDocuments = requiredDocuments;
        this.companyUsers = companyUsers;
        this.applications = applications;
        this.documents = documents;
        this.uploads = uploads;
        this.workflow = workflow;
        this.audit = audit;
    }

    /** The company the user acts for; a user of no company sees nothing. */
    public Company companyOf(String userId) {
        return companyUsers.companyOf(userId)
                .orElseThrow(() -> new ApplicationNotFoundException("of user " + userId + " (not a company user)"));
    }

    /** The company's applications, drafts included, newest first. */
    public List<ListingApplication> applications(String userId) {
        return applications.ofCompany(companyOf(userId).id());
    }

    public ListingApplication application(String userId, long applicationId) {
        return applications.find(applicationId).filter(a -> a.companyId() == companyOf(userId).id())
                .orElseThrow(() -> new ApplicationNotFoundException("with id " + applicationId));
    }

    public ListingApplication application(String userId, ApplicationNumber number) {
        return application(companyOf(userId), number);
    }

    private ListingApplication application(Company company, ApplicationNumber number) {
        return applications.find(number).filter(a -> a.companyId() == company.id())
                .orElseThrow(() -> new ApplicationNotFoundException(number.toString()));
    }

    public List<ListingApplications.CloudContract> cloudContracts(String userId, long applicationId) {
        return applications.cloudContracts(application(userId, applicationId).id());
    }

    /** Starts a draft with whatever is filled in; only malformed values are refused. */
    @Transactional
    public ListingApplication createDraft(String userId, ApplicationDraft draft) {
        Company company = companyOf(userId);
        requireNoProblems(ApplicationRules.malformed(draft.facts(), draft.cloudContracts()));
        long id = applications.createDraft(company.id(), draft.facts(), draft.cloudContracts());
        audit.record(id, userId, AuditEventType.DRAFT_CREATED, null, CaseStatus.DRAFT.name(), null);
        return applications.find(id).orElseThrow();
    }

    /** Saves a draft over the version the user read; a draft changed or submitted meanwhile is not overwritten. */
    @Transactional
    public ListingApplication updateDraft(String userId, long applicationId, int expectedVersion, ApplicationDraft draft) {
        ListingApplication current = application(userId, applicationId);
        if (current.submitted()) {
            throw new DraftChangedException("Application " + current.number()
                    + " has been submitted; a submitted application can no longer be edited.");
        }
        requireNoProblems(ApplicationRules.malformed(draft.facts(), draft.cloudContracts()));
        if (!applications.updateDraft(applicationId, expectedVersion, draft.facts(), draft.cloudContracts())) {
            throw new DraftChangedException("This draft was changed by someone else (or in another window) after you "
                    + "opened it. Reload it to see the changes, then make yours again.");
        }
        return applications.find(applicationId).orElseThrow();
    }

    /**
     * Deletes a draft of the user's company with its documents. A draft submitted meanwhile stays
     * (409 in the API); one deleted meanwhile, by a double click or a colleague, is not found, like
     * another company's. Returns how many documents went with it.
     */
    @Transactional
    public int deleteDraft(String userId, long applicationId) {
        Company company = companyOf(userId);
        ListingApplication draft = applications.findForUpdate(applicationId).filter(a -> a.companyId() == company.id())
                .orElseThrow(() -> new ApplicationNotFoundException("with id " + applicationId));
        if (draft.submitted()) {
            throw new AlreadySubmittedException(draft.number());
        }
        if (!applications.deleteDraft(applicationId)) {
            throw new ApplicationNotFoundException("with id " + applicationId);
        }
        int removed = documents.removeAll(applicationId);
        audit.record(applicationId, userId, AuditEventType.DRAFT_DELETED, null, CaseStatus.DELETED.name(),
                removed + " document(s) removed");
        return removed;
    }

    /**
     * Submits a complete draft: it gets its number and the case starts. Submitting again (a double
     * click, a retried request) changes nothing and reports the number it already has. Not one
     * transaction around it all: the workflow takes the number and starts the case in
     * transactions of its own, one connection at a time (the checks here only read).
     */
    public Submission submit(String userId, long applicationId) {
        ListingApplication draft = application(userId, applicationId);
        if (!draft.submitted()) {
            List<FieldProblem> problems = new ArrayList<>(ApplicationRules.malformed(draft.facts(),
                    applications.cloudContracts(applicationId)));
            problems.addAll(ApplicationRules.missing(draft.facts()));
            problems.addAll(missingDocuments(draft));
            if (!problems.isEmpty()) {
                // Deleted meanwhile (its documents went first): not found, rather than "documents missing".
                application(userId, applicationId);
            }
            requireNoProblems(problems);
        }
        ApplicationNumber number = workflow.submit(applicationId, userId);
        return new Submission(number, screening(audit.of(applicationId)), CompanyView.steps(workflow.openSteps(number)));
    }

    /** Keeps a file as the application's document of that kind, while it is a draft. */
    @Transactional
    public StoredDocument upload(String userId, long applicationId, DocumentKind kind, Upload file) {
        ListingApplication application = application(userId, applicationId);
        if (application.submitted()) {
            throw new CaseNotWaitingException("Application " + application.number() + " has been submitted: its documents "
                    + "can be replaced only when a regulator asks for materials.");
        }
        return keep(application, kind, file, userId);
    }

    /**
     * The documents the company may see. Removes nothing: a draft's document of a kind is replaced by
     * uploading another one.
     */
    public List<StoredDocument> documents(String userId, long applicationId) {
        return CompanyView.documents(documents.of(application(userId, applicationId).id()));
    }

    /** A document the company may download; any other is not found, like one that does not exist. */
    public DocumentFile document(String userId, long applicationId, long documentId) {
        ListingApplication application = application(userId, applicationId);
        StoredDocument document = documents.find(documentId).filter(d -> d.applicationId() == application.id())
                .filter(CompanyView::shows)
                .orElseThrow(() -> new ApplicationNotFoundException("document " + documentId));
        return new DocumentFile(document, documents.content(document));
    }

    /** The case as its company may see it (see {@link CompanyView}). */
    public CaseOverview overview(String userId, ApplicationNumber number) {
        Company company = companyOf(userId);
        ListingApplication application = application(company, number);
        List<AuditEvent> events = audit.of(application.id());
        Set<String> ownUsers = companyUsers.members(company).stream().map(User::getId).collect(Collectors.toSet());
        return new CaseOverview(application, company, screening(events), CompanyView.steps(workflow.openSteps(number)),
                CompanyView.documents(documents.of(application.id())), CompanyView.timeline(events, ownUsers::contains));
    }

    /**
     * Answers a request for materials with a text and any files; the files are kept as the
     * documents of their kinds and named in the answer the regulator reads.
     */
    @Transactional
    public void supplyMaterials(String userId, ApplicationNumber number, String taskId, String answer,
            List<KindedUpload> files) {
        ListingApplication application = application(userId, number);
        boolean waiting = workflow.openSteps(number).stream()
                .anyMatch(s -> s.action() == ApplicantAction.SUPPLY_MATERIALS && (taskId == null || s.taskId().equals(taskId)));
        if (!waiting) {
            throw new CaseNotWaitingException("Application " + number + " is not waiting for these materials: the request "
                    + "was answered already, its deadline has passed, or the case has moved on.");
        }
        if ((answer == null || answer.isBlank()) && files.isEmpty()) {
            throw new InvalidApplicationException(List.of(new FieldProblem("answer", Problem.REQUIRED)));
        }
        requireAtMostMaxText("answer", answer);
        StringBuilder text = new StringBuilder(answer == null ? "" : answer.strip());
        for (KindedUpload file : files) {
            StoredDocument kept = keep(application, file.kind(), file.upload(), userId);
            text.append(text.isEmpty() ? "" : "\n").append("Document ").append(kept.id()).append(": ")
                    .append(kept.originalFilename()).append(" (").append(kept.kind()).append(')');
        }
        workflow.supplyMaterials(number, taskId, text.toString(), userId);
    }

    /** A file with the kind of material it is. */
    public record KindedUpload(DocumentKind kind, Upload upload) {
    }

    @Transactional
    public void reportOverseasSubmission(String userId, ApplicationNumber number, LocalDate submittedOn) {
        application(userId, number);
        workflow.reportOverseasSubmission(number, submittedOn, userId);
    }

    @Transactional
    public void reportListing(String userId, ApplicationNumber number, LocalDate listedOn) {
        application(userId, number);
        workflow.reportListing(number, listedOn, userId);
    }

    /** Confirms compliance with the interim measures of an ex-officio review; the statement says what the company did. */
    @Transactional
    public void confirmCompliance(String userId, ApplicationNumber number, String statement) {
        application(userId, number);
        if (statement == null || statement.isBlank()) {
            throw new InvalidApplicationException(List.of(new FieldProblem("statement", Problem.REQUIRED)));
        }
        requireAtMostMaxText("statement", statement);
        workflow.confirmCompliance(number, statement.strip(), userId);
    }

    @Transactional
    public void withdraw(String userId, ApplicationNumber number, String reason) {
        application(userId, number);
        requireAtMostMaxText("reason", reason);
        workflow.withdraw(number, userId, reason);
    }

    private StoredDocument keep(ListingApplication application, DocumentKind kind, Upload file, String userId) {
        String contentType = uploads.check(file);
        String filename = file.filename().strip();
        return kind == DocumentKind.SUPPLEMENT
                ? documents.store(application.id(), kind.name(), filename, contentType, file.content(), userId)
                : documents.storeReplacing(application.id(), kind.name(), filename, contentType, file.content(), userId);
    }

    /**
     * The documents this draft needs before it can be submitted: the three every application
     * needs, and those the screening calls for on the facts as they stand (decision
     * {@code required-documents}), each with the decision that calls for it.
     */
    public List<NeededDocument> neededDocuments(String userId, long applicationId) {
        return neededDocuments(application(userId, applicationId));
    }

    /** The needed documents the draft does not have yet, as problems of its submission. */
    public List<FieldProblem> missingDocuments(String userId, long applicationId) {
        return missingDocuments(application(userId, applicationId));
    }

    private List<NeededDocument> neededDocuments(ListingApplication draft) {
        List<NeededDocument> needed = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            if (kind.requiredAtSubmission()) {
                needed.add(new NeededDocument(kind, null));
            }
        }
        for (RequiredDocuments.Required required : requiredDocuments.of(draft.facts(),
                applications.earliestCloudContractEnd(draft.id()).orElse(null))) {
            DocumentKind.parse(required.kind()).filter(kind -> needed.stream().noneMatch(n -> n.kind() == kind))
                    .ifPresent(kind -> needed.add(new NeededDocument(kind, required.because())));
        }
        return needed;
    }

    private List<FieldProblem> missingDocuments(ListingApplication draft) {
        List<StoredDocument> kept = documents.of(draft.id());
        return neededDocuments(draft).stream()
                .filter(needed -> kept.stream().noneMatch(d -> d.current() && d.kind().equals(needed.kind().name())))
                .map(needed -> new FieldProblem("documents." + needed.kind().name(), Problem.DOCUMENT_MISSING,
                        needed.because()))
                .toList();
    }

    private static List<Screening> screening(List<AuditEvent> events) {
        return events.stream().filter(e -> e.is(AuditEventType.SCREENING))
                .map(e -> new Screening(e.stage(), e.outcome(), e.details())).toList();
    }

    private static void requireAtMostMaxText(String field, String text) {
        if (text != null && text.strip().length() > MAX_TEXT) {
            throw new InvalidApplicationException(List.of(new FieldProblem(field, Problem.TOO_LONG)));
        }
    }

    private static void requireNoProblems(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidApplicationException(problems);
        }
    }
}
