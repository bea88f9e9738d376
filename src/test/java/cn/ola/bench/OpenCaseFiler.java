package cn.ola.bench;

import java.util.List;

import cn.ola.company.CompanyUsers;
import cn.ola.filing.DocumentStore;
import cn.ola.filing.ListingApplications;
import cn.ola.workflow.CaseWorkflow;

/**
 * Files an open case for the task-list workload the quick way, so that 50,000 fit in half an hour
 * on two cores: the draft and its three documents are written through the services underneath the
 * portal (no upload checks: the content is the same small PDF each time), and the case is started
 * by {@link CaseWorkflow#submit}, exactly as a portal submission starts it — the number, the
 * screening, the intake task, its deadline, the authorizations. What the task lists read is the
 * same either way; only the filing is cheaper.
 */
final class OpenCaseFiler {

    private final ListingApplications applications;
    private final DocumentStore documents;
    private final CompanyUsers companies;
    private final CaseWorkflow workflow;

    OpenCaseFiler(RunningSystem system) {
        this.applications = system.bean(ListingApplications.class);
        this.documents = system.bean(DocumentStore.class);
        this.companies = system.bean(CompanyUsers.class);
        this.workflow = system.bean(CaseWorkflow.class);
    }

    String file(String companyUser, CaseMix kind, Latency submission) {
        long companyId = companies.companyOf(companyUser).orElseThrow().id();
        long draft = applications.createDraft(companyId, kind.facts(), List.of());
        for (String documentKind : List.of("FILING_REPORT", "PRC_LEGAL_OPINION", "PROSPECTUS")) {
            documents.store(draft, documentKind, documentKind.toLowerCase() + ".pdf", "application/pdf", ApplicationScript.PDF,
                    companyUser);
        }
        return submission.time(() -> workflow.submit(draft, companyUser)).toString();
    }
}
