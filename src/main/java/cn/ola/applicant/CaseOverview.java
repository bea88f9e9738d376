package cn.ola.applicant;

import java.util.List;

import cn.ola.audit.AuditEvent;
import cn.ola.company.Company;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.StoredDocument;
import cn.ola.workflow.OpenStep;

/**
 * A case as its company sees it: where it stands, the screening results, the steps it waits
 * for (the company's own actions among them, with their due dates), its documents and what
 * has happened so far.
 */
public record CaseOverview(ListingApplication application, Company company, List<Screening> screening,
        List<OpenStep> openSteps, List<StoredDocument> documents, List<AuditEvent> timeline) {

    /** The steps the company itself can take now. */
    public List<OpenStep> actions() {
        return openSteps.stream().filter(OpenStep::forApplicant).toList();
    }

    /** Whether the case still runs, so that it can be withdrawn. */
    public boolean open() {
        return application.submitted() && application.closedAt() == null;
    }
}
