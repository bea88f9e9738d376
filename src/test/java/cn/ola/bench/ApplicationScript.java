package cn.ola.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import cn.ola.applicant.ApplicantCases.KindedUpload;
import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.ApplicationDraft;
import cn.ola.applicant.DocumentKind;
import cn.ola.applicant.Upload;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplications;
import cn.ola.support.DraftDocuments;
import cn.ola.workflow.Deadlines;

/**
 * Our application's cases as the real users carry them: the company files through the portal's
 * service ({@link ApplicantCases}: draft, the three documents, submission) and answers what it
 * is asked there; staff decide in their tasks with the values their forms would send.
 */
final class ApplicationScript implements CaseDriver.Script {

    /** The smallest file our upload check takes for a PDF. */
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final ApplicantCases cases;
    private final ListingApplications applications;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;

    ApplicationScript(RunningSystem system) {
        this.cases = system.bean(ApplicantCases.class);
        this.applications = system.bean(ListingApplications.class);
        this.tasks = system.bean(TaskService.class);
        this.runtime = system.bean(RuntimeService.class);
        this.identity = system.bean(IdentityService.class);
    }

    /** Draft and documents, as the portal's form and upload pages do it; returns the draft's id. */
    static long draft(ApplicantCases cases, String user, CaseMix kind) {
        long id = cases.createDraft(user, new ApplicationDraft(kind.facts(), List.of())).id();
        return DraftDocuments.uploadEveryNeeded(cases, user, id);
    }

    static ApplicationNumber submit(ApplicantCases cases, String user, long draftId, Latency submission) {
        return submission.time(() -> cases.submit(user, draftId)).number();
    }

    /** A failed submission is tried again with the same draft, as a user would press the button again. */
    @Override
    public void start(CaseDriver.DrivenCase driven, Latency submission) {
        if (driven.applicationId == 0) {
            driven.applicationId = draft(cases, driven.companyUser, driven.kind);
        }
        driven.businessKey = submit(cases, driven.companyUser, driven.applicationId, submission).toString();
    }

    @Override
    public boolean initiative(CaseDriver.DrivenCase driven, Latency taskCompletion) {
        if (driven.kind == CaseMix.WITHDRAWN && driven.intakeDone && !driven.withdrawn) {
            cases.withdraw(driven.companyUser, ApplicationNumber.parse(driven.businessKey), "Listing postponed by the board.");
            driven.withdrawn = true;
            return true;
        }
        return false;
    }

    @Override
    public List<Task> openTasks(CaseDriver.DrivenCase driven) {
        return tasks.createTaskQuery().processInstanceBusinessKey(driven.businessKey).list();
    }

    @Override
    public boolean complete(CaseDriver.DrivenCase driven, Task task) {
        ApplicationNumber number = ApplicationNumber.parse(driven.businessKey);
        String user = driven.companyUser;
        LocalDate today = LocalDate.now(Deadlines.BEIJING);
        switch (task.getTaskDefinitionKey()) {
            case "Task_IntakeCheck" -> {
                boolean done = staff(BenchPeople.CSRC, task, "intakeOutcome", "COMPLETE");
                driven.intakeDone |= done;
                return done;
            }
            case "Task_ReviewPiSelfAssessment" -> {
                if (driven.kind == CaseMix.MATERIALS && !driven.materialsRequested) {
                    boolean done = staff(BenchPeople.CRO, task, "selfAssessmentOutcome", "MATERIALS_REQUESTED",
                            "reasons", "Please add the consent records of the last two years.");
                    driven.materialsRequested |= done;
                    return done;
                }
                return staff(BenchPeople.CRO, task, "selfAssessmentOutcome", "ACCEPTED");
            }
            case "Task_CheckExportEvidence" -> {
                return staff(BenchPeople.CRO, task, "exportEvidenceOutcome", "ACCEPTED");
            }
            case "Task_CheckMigrationEvidence" -> {
                return staff(BenchPeople.CRO, task, "migrationEvidenceOutcome", "ACCEPTED");
            }
            case "Task_CheckMaterials" -> {
                return staff(BenchPeople.CRO, task, "materialsOutcome", "REVIEW_NEEDED", "reviewComplex", false);
            }
            case "Task_InitialReview" -> {
                return staff(BenchPeople.CRO, task, "initialOpinion", "NO_CONCERN", "consultNdrc", true, "consultMiit", true,
                        "reasons", "No national-security effect found.");
            }
            case "Task_AgencyOpinion" -> {
                BenchPeople.Staff agency = candidateGroup(task).endsWith("miit") ? BenchPeople.MIIT : BenchPeople.NDRC;
                if (driven.kind == CaseMix.SPECIAL_REVIEW && agency == BenchPeople.MIIT) {
                    return staff(agency, task, "agencyOpinion", "DISAGREE", "reasons", "Industrial data of strategic relevance.");
                }
                return staff(agency, task, "agencyOpinion", "AGREE");
            }
            case "Task_SpecialReview" -> {
                return staff(BenchPeople.CRO, task, "reviewOutcome", "CLEARED", "reasons", "Risks mitigated by the data-localisation undertaking.");
            }
            case "Task_CompletenessCheck" -> {
                return staff(BenchPeople.CSRC, task, "completenessOutcome", "COMPLETE");
            }
            case "Task_ConcludeFiling" -> {
                return staff(BenchPeople.CSRC, task, "filingOutcome", "NOTICE_ISSUED");
            }
            case "Task_SupplyMaterials" -> {
                cases.supplyMaterials(user, number, task.getId(), "Consent records attached.",
                        List.of(new KindedUpload(DocumentKind.SUPPLEMENT, new Upload("consent-records.pdf", PDF))));
                return true;
            }
            case "Task_ReportOverseasSubmission" -> {
                cases.reportOverseasSubmission(user, number, today);
                return true;
            }
            case "Task_ReportListing" -> {
                cases.reportListing(user, number, today);
                return true;
            }
            default -> throw new CaseDriver.UnexpectedTaskException(
                    "task " + task.getTaskDefinitionKey() + " of " + driven.businessKey + " is not in the benchmark's script");
        }
    }

    @Override
    public boolean ended(CaseDriver.DrivenCase driven) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(driven.businessKey).count() == 0
                && applications.find(ApplicationNumber.parse(driven.businessKey)).orElseThrow().closedAt() != null;
    }

    private boolean staff(BenchPeople.Staff staff, Task task, Object... keysAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return CaseDriver.completeAsStaff(tasks, identity, staff, task.getId(), variables);
    }

    private String candidateGroup(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse("");
    }
}
