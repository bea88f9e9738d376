package cn.ola.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.ola.calendar.WorkingDayCalendar;

/**
 * How long cases stay in each stage, in working days of the PRC calendar: a stage lasts from its
 * STAGE_ENTERED event to the next stage the case enters, or to its close. A stage entered again
 * while the case is still in it (the intake check after the company's corrections) goes on; it
 * does not start afresh. Stages that run in parallel inside a block (the cybersecurity review,
 * the data-protection checks and the industry approval inside the regulatory checks) count as
 * their block: the audit trail records when they start, not when each of them ends.
 */
final class StageDurations {

    /** A case entered a stage, or closed ({@code stage} is then irrelevant). */
    record StageEvent(long caseId, boolean closing, String stage, Instant at) {

        static StageEvent entered(long caseId, String stage, Instant at) {
            return new StageEvent(caseId, false, stage, at);
        }

        static StageEvent closed(long caseId, Instant at) {
            return new StageEvent(caseId, true, null, at);
        }
    }

    /** The median working days of one stage over the cases measured; {@code median} is null when none were. */
    record StageMedian(Double median, int cases) {
    }

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;
    private final Map<String, String> blockOf;

    /**
     * @param blockOf for each stage that runs inside a block of parallel stages, the stage of that block
     */
    StageDurations(WorkingDayCalendar calendar, ZoneId zone, Map<String, String> blockOf) {
        this.calendar = calendar;
        this.zone = zone;
        this.blockOf = Map.copyOf(blockOf);
    }

    /**
     * Working days each case spent in each stage, for the stays that ended at or after {@code since}
     * (a case that stayed in a stage twice counts once, with both stays added up). Stays still
     * running are not measured. {@code events} come ordered by time within each case.
     */
    Map<String, List<Integer>> workingDaysPerStage(List<StageEvent> events, Instant since) {
        Map<Long, List<StageEvent>> byCase = new LinkedHashMap<>();
        for (StageEvent event : events) {
            byCase.computeIfAbsent(event.caseId(), id -> new ArrayList<>()).add(event);
        }
        Map<String, List<Integer>> perStage = new TreeMap<>();
        for (List<StageEvent> ofCase : byCase.values()) {
            staysOf(ofCase, since).forEach((stage, days) -> perStage.computeIfAbsent(stage, s -> new ArrayList<>()).add(days));
        }
        return perStage;
    }

    /** The median working days per stage, with the number of cases measured. */
    Map<String, StageMedian> medians(List<StageEvent> events, Instant since) {
        Map<String, StageMedian> medians = new TreeMap<>();
        workingDaysPerStage(events, since).forEach((stage, days) -> medians.put(stage, new StageMedian(median(days), days.size())));
        return medians;
    }

    private Map<String, Integer> staysOf(List<StageEvent> events, Instant since) {
        Map<String, Integer> days = new LinkedHashMap<>();
        String current = null;
        Instant enteredAt = null;
        for (StageEvent event : events) {
            if (event.closing()) {
                if (current != null) {
                    add(days, current, enteredAt, event.at(), since);
                }
                current = null;
                continue;
            }
            String stage = blockOf.getOrDefault(event.stage(), event.stage());
            if (stage == null || stage.equals(current)) {
                continue;
            }
            if (current != null) {
                add(days, current, enteredAt, event.at(), since);
            }
            current = stage;
            enteredAt = event.at();
        }
        return days;
    }

    private void add(Map<String, Integer> days, String stage, Instant entered, Instant left, Instant since) {
        if (left.isBefore(since)) {
            return;
        }
        // Events of one case are recorded in order; a negative span could only come from clocks set back.
        int workingDays = Math.max(0, calendar.workingDaysBetween(day(entered), day(left)));
        days.merge(stage, workingDays, Integer::sum);
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The middle value, or the mean of the two middle values; null for no values. */
    static Double median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle).doubleValue();
        }
        return (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
