package cn.ola.workflow;

import java.util.Arrays;

/** The steps of a case that the applicant company takes itself, in the portal or through the API. */
public enum ApplicantAction {
    SUPPLY_MATERIALS("Task_SupplyMaterials"),
    REPORT_OVERSEAS_SUBMISSION("Task_ReportOverseasSubmission"),
    REPORT_LISTING("Task_ReportListing"),
    /** Confirming compliance with the interim measures of an ex-officio cybersecurity review. */
    CONFIRM_COMPLIANCE("Task_ConfirmCompliance");

    private final String taskKey;

    ApplicantAction(String taskKey) {
        this.taskKey = taskKey;
    }

    /** The id of the user task in the models (the same in every model that has the step). */
    public String taskKey() {
        return taskKey;
    }

    /** The applicant action a task stands for, or null for a regulator's task. */
    static ApplicantAction ofTask(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(a -> a.taskKey.equals(taskDefinitionKey)).findFirst().orElse(null);
    }
}
