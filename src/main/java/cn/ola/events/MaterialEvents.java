package cn.ola.events;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicantCases.KindedUpload;
import cn.ola.audit.AuditEventType;
import cn.ola.audit.AuditTrail;
import cn.ola.company.Company;
import cn.ola.events.InvalidMaterialEventException.FieldProblem;
import cn.ola.events.InvalidMaterialEventException.Problem;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.CaseStatus;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications;
import cn.ola.workflow.ApplicantAction;
import cn.ola.workflow.ApplicationNotFoundException;
import cn.ola.workflow.CaseNotWaitingException;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.Deadlines;
import cn.ola.workflow.MaterialEventProcess;
import cn.ola.workflow.OpenStep;

/**
 * A listed company's material events, for the portal and the API alike: reporting one from the listed
 * case, reading its own, answering the CSRC's questions. Every call names the user; an event of
 * another company is not found, exactly like one that does not exist.
 * <p>
 * Only a LISTED case reports: the duty (Trial Measures Art. 15) is the listed issuer's, and events
 * before the listing (a FILED case still waiting for it) are the case's own business — the company
 * reports the listing or lets the filing lapse.
 */
@Service
public class MaterialEvents {

    private final ApplicantCases cases;
    private final ListingApplications applications;
    private final MaterialEventTable table;
    private final MaterialEventProcess process;
    private final CaseWorkflow workflow;
    private final AuditTrail audit;
    private final Deadlines deadlines;
    private final Clock clock;

    MaterialEvents(ApplicantCases cases, ListingApplications applications, MaterialEventTable table,
            MaterialEventProcess process, CaseWorkflow workflow, AuditTrail audit, Deadlines deadlines, Clock clock) {
        this.cases = cases;
        this.applications = applications;
        this.table = table;
        this.process = process;
        this.workflow = workflow;
        this.audit = audit;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** What the company types: codes and dates as text, so that each can be refused with its field. */
    public record Report(String kind, String announcedOn, String description) {
    }

    /** Whether a case of this status may report a material event. */
    public static boolean mayReport(String status) {
        return CaseStatus.LISTED.name().equals(status);
    }

    /**
     * Reports a material event from the user's listed case and starts its handling. The same report
     * sent again while the first is open (a double click) files nothing new and answers with the first.
     */
    @Transactional
    public MaterialEvent report(String userId, ApplicationNumber number, Report report) {
        Company company = cases.companyOf(userId);
        ListingApplication listed = cases.application(userId, number);
        Valid valid = validate(report);
        // The case's row lock keeps two reports of one case apart, so that a double click files once.
        listed = applications.findForUpdate(number).orElseThrow(() -> new ApplicationNotFoundException(number.toString()));
        if (!mayReport(listed.status())) {
            throw new CaseNotWaitingException("Application " + number + " cannot report a material event: only a listed "
                    + "case can, and this one is " + listed.status() + ".");
        }
        Optional<Long> same = table.openWithSameReport(listed.id(), valid.kind(), valid.announcedOn(), valid.description());
        if (same.isPresent()) {
            return table.find(same.get()).orElseThrow();
        }
        long id = table.insert(listed.id(), number, company.id(), valid.kind(), valid.announcedOn(), valid.description(), userId,
                clock.instant());
        audit.record(listed.id(), userId, AuditEventType.MATERIAL_EVENT_REPORTED, null, valid.kind().name(),
                valid.description());
        String instance = process.start(number, company, new MaterialEventProcess.Report(id, valid.kind().name(),
                valid.announcedOn(), deadlines.today(), valid.description()));
        table.linkProcess(id, instance);
        return table.find(id).orElseThrow();
    }

    /** The company's events, newest first. */
    public List<MaterialEvent> ofCompany(String userId) {
        return table.ofCompany(cases.companyOf(userId).id());
    }

    /** The events reported from one of the company's cases, newest first. */
    public List<MaterialEvent> ofCase(String userId, ApplicationNumber number) {
        return table.ofApplication(cases.application(userId, number).id());
    }

    public MaterialEvent one(String userId, long eventId) {
        Company company = cases.companyOf(userId);
        return table.find(eventId).filter(event -> event.companyId() == company.id())
                .orElseThrow(() -> new ApplicationNotFoundException("material event " + eventId));
    }

    /** The CSRC's open questions about the event (requests for materials of the event's process). */
    public List<OpenStep> questions(MaterialEvent event) {
        if (!event.open()) {
            return List.of();
        }
        Set<String> ids = process.openQuestionTaskIds(event.processInstanceId());
        if (ids.isEmpty()) {
            return List.of();
        }
        return workflow.materialsRequests(event.applicationNumber()).stream().filter(step -> ids.contains(step.taskId()))
                .toList();
    }

    /**
     * Answers the event's open question (the one named, or the only one) with a text and any files,
     * kept as documents of the listed case like every answer to a request.
     */
    @Transactional
    public void answer(String userId, long eventId, String taskId, String answer, List<KindedUpload> files) {
        MaterialEvent event = one(userId, eventId);
        List<OpenStep> open = questions(event);
        Optional<OpenStep> question = open.stream()
                .filter(step -> step.action() == ApplicantAction.SUPPLY_MATERIALS)
                .filter(step -> taskId == null || step.taskId().equals(taskId)).findFirst();
        if (question.isEmpty()) {
            throw new CaseNotWaitingException("Material event " + eventId + " has no open question"
                    + (taskId == null ? "" : " " + taskId) + ": it was answered already, its deadline has passed, or "
                    + "the CSRC has concluded.");
        }
        cases.supplyMaterials(userId, event.applicationNumber(), question.get().taskId(), answer, files);
    }

    /** Listed cases with a material event still open at the CSRC (for the dashboard). */
    public OpenEvents open() {
        return table.open();
    }

    private record Valid(MaterialEventKind kind, LocalDate announcedOn, String description) {
    }

    private Valid validate(Report report) {
        List<FieldProblem> problems = new ArrayList<>();
        MaterialEventKind kind = null;
        if (report.kind() == null || report.kind().isBlank()) {
            problems.add(new FieldProblem("kind", Problem.REQUIRED));
        } else {
            kind = MaterialEventKind.parse(report.kind()).orElse(null);
            if (kind == null) {
                problems.add(new FieldProblem("kind", Problem.UNKNOWN_VALUE));
            }
        }
        LocalDate announcedOn = null;
        if (report.announcedOn() == null || report.announcedOn().isBlank()) {
            problems.add(new FieldProblem("announcedOn", Problem.REQUIRED));
        } else {
            try {
                announcedOn = LocalDate.parse(report.announcedOn().strip());
                if (announcedOn.isAfter(deadlines.today())) {
                    problems.add(new FieldProblem("announcedOn", Problem.IN_THE_FUTURE));
                }
            } catch (DateTimeParseException notADate) {
                problems.add(new FieldProblem("announcedOn", Problem.NOT_A_DATE));
            }
        }
        String description = report.description() == null ? "" : report.description().strip();
        if (description.isEmpty()) {
            problems.add(new FieldProblem("description", Problem.REQUIRED));
        } else if (description.length() > ApplicantCases.MAX_TEXT) {
            problems.add(new FieldProblem("description", Problem.TOO_LONG));
        }
        if (!problems.isEmpty()) {
            throw new InvalidMaterialEventException(problems);
        }
        return new Valid(kind, announcedOn, description);
    }
}
