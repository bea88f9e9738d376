package cn.ola.workflow;

import java.util.Arrays;

/** The steps of a case that the applicant company takes itself, in the portal or through the API. */
public enum ApplicantAction {
    SUPPLY_MATERIALS(CaseWorkflow.SUPPLY_MATERIALS_TASK),
    REPORT_OVERSEAS_SUBMISSION(CaseWorkflow.REPORT_OVERSEAS_SUBMISSION_TASK),
    REPORT_LISTING(CaseWorkflow.REPORT_LISTING_TASK);

    private final String taskKey;

    ApplicantAction(String taskKey) {
        this.taskKey = taskKey;
    }

    public String taskKey() {
        return taskKey;
    }

    /** The applicant action a task stands for, or null for a regulator's task. */
    static ApplicantAction ofTask(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(a -> a.taskKey.equals(taskDefinitionKey)).findFirst().orElse(null);
    }
}
