package cn.ola.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import cn.ola.company.Company;
import cn.ola.filing.ApplicationNumber;

/**
 * The door to the engine for a listed company's later offerings on its market
 * ({@code subsequent-offering}): starts one from its listed case, and tells which of the case's open
 * requests are the supplements of an offering. The offering's process carries the case's application
 * number as its business key, so its tasks, history, letters and audit entries are the case's; the
 * case's main process has ended with the listing and is left alone.
 */
@Service
public class SubsequentOfferingProcess {

    public static final String PROCESS_KEY = CaseModel.SUBSEQUENT_OFFERING.key();

    /** The message that withdraws the filing: every open step ends, no letter is issued. */
    static final String WITHDRAWN = "SubsequentOfferingWithdrawn";

    private final ProcessesBesideTheCase beside;
    private final RuntimeService runtime;
    private final ManagementService management;

    SubsequentOfferingProcess(ProcessesBesideTheCase beside, RuntimeService runtime, ManagementService management) {
        this.beside = beside;
        this.runtime = runtime;
        this.management = management;
    }

    /** What the company filed, as the process needs it. */
    public record Filing(long offeringId, LocalDate completedOn, LocalDate filedOn, String description) {
    }

    /** Starts the offering's process in the caller's transaction; its process instance id. */
    public String start(ApplicationNumber number, Company company, Filing filing) {
        Map<String, Object> own = new HashMap<>();
        own.put(SubsequentOfferingVariables.OFFERING_ID, filing.offeringId());
        own.put(SubsequentOfferingVariables.COMPLETED_ON, filing.completedOn().toString());
        own.put(SubsequentOfferingVariables.FILED_ON, filing.filedOn().toString());
        own.put(SubsequentOfferingVariables.DESCRIPTION, filing.description());
        return beside.start(PROCESS_KEY, number, company, own);
    }

    /**
     * Whether the filing can still be withdrawn: the CSRC has not concluded. Once the officer concluded, the
     * letter waits as a job of the process, and a withdrawal would swallow a decision already taken.
     */
    public boolean withdrawable(String processInstanceId) {
        return processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0
                && management.createJobQuery().processInstanceId(processInstanceId).messages().count() == 0;
    }

    /**
     * Withdraws the filing in the caller's transaction, with the company's reason (the step's reasons, which
     * the case's audit trail records); false when the process had ended meanwhile.
     */
    public boolean withdraw(String processInstanceId, String reason) {
        try {
            runtime.createMessageCorrelation(WITHDRAWN).processInstanceId(processInstanceId)
                    .setVariable(ProcessVariables.REASONS, reason).correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException ended) {
            return false;
        }
    }

    /**
     * The ids of the open requests of the case that are supplements of the offering run by this
     * process instance (its calls of {@code supplementary-materials}).
     */
    public Set<String> openSupplementTaskIds(String processInstanceId) {
        return beside.openRequestTaskIds(processInstanceId);
    }
}
