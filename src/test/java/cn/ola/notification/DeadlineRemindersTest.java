package cn.ola.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.ola.workflow.ApplicantAction;
import cn.ola.workflow.OpenStep;

class DeadlineRemindersTest {

    static final Instant OPENED = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    void aConfirmationDueInFiveWorkingDaysIsNotRemindedOfWhenTheCompanyIsToldButHalfWay() {
        OpenStep confirmation = step(OPENED.plus(Duration.ofDays(7)));

        assertThat(DeadlineReminders.halfwayThrough(confirmation, OPENED.plusSeconds(60))).as("just opened").isFalse();
        assertThat(DeadlineReminders.halfwayThrough(confirmation, OPENED.plus(Duration.ofDays(3)))).as("day 3 of 7").isFalse();
        assertThat(DeadlineReminders.halfwayThrough(confirmation, OPENED.plus(Duration.ofHours(84)))).as("half-way").isTrue();
        assertThat(DeadlineReminders.halfwayThrough(confirmation, OPENED.plus(Duration.ofDays(6)))).as("day 6 of 7").isTrue();
    }

    @Test
    void aLongRequestIsRemindedOfAsSoonAsItFallsDueWithinTheLead() {
        OpenStep request = step(OPENED.plus(Duration.ofDays(42)));

        assertThat(DeadlineReminders.halfwayThrough(request, OPENED.plus(Duration.ofDays(35)))).isTrue();
    }

    private static OpenStep step(Instant due) {
        return new OpenStep("task-1", ApplicantAction.CONFIRM_COMPLIANCE.taskKey(), "Confirm compliance",
                ApplicantAction.CONFIRM_COMPLIANCE, OPENED, due, 5, null, null);
    }
}
