package cn.ola.workflow;

import java.time.Instant;

/**
 * One step a case waits for. {@code action} is set when the applicant takes the step itself;
 * otherwise a regulator does. {@code workingDaysLeft} is 0 on the last day and negative once
 * the due date has passed; {@code request} is what staff asked for when they want materials.
 */
public record OpenStep(String taskId, String taskKey, String name, ApplicantAction action, Instant openedAt,
        Instant due, Integer workingDaysLeft, String request, String requestedBy) {

    public boolean forApplicant() {
        return action != null;
    }
}
