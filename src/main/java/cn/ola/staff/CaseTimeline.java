package cn.ola.staff;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.springframework.stereotype.Service;

import cn.ola.audit.AuditEvent;
import cn.ola.audit.AuditTrail;
import cn.ola.workflow.CaseModel;
import cn.ola.workflow.CaseTaskNames;
import cn.ola.workflow.Deadlines;
import cn.ola.workflow.ProcessVariables;

/**
 * Everything that happened to a case, in order of time: our audit events (kept for good) merged
 * with what Camunda's history holds for every process of the case — tasks completed and by
 * whom, with the decision they recorded; timers that fired; messages and errors that arrived;
 * sub-processes started and ends reached. Camunda's part lasts as long as its history
 * retention ({@code historyTimeToLive}); the audit events outlive it.
 */
@Service
class CaseTimeline {

    static final String SYSTEM = "system";
    static final String TASK_COMPLETED = "TASK_COMPLETED";
    static final String TASK_CANCELLED = "TASK_CANCELLED";
    /** Who held a task the engine ended, as recorded beside the decisions. */
    static final String ASSIGNEE = "assignee";
    /** The variables that say a member agency was consulted begin so (consultNdrc, …). */
    static final String CONSULT = "consult";

    private static final Map<String, String> EVENTS_BY_ACTIVITY_TYPE = Map.ofEntries(
            Map.entry(ActivityTypes.BOUNDARY_TIMER, "TIMER_FIRED"),
            Map.entry(ActivityTypes.INTERMEDIATE_EVENT_TIMER, "TIMER_FIRED"),
            Map.entry(ActivityTypes.START_EVENT_TIMER, "TIMER_FIRED"),
            Map.entry(ActivityTypes.START_EVENT_MESSAGE, "MESSAGE_RECEIVED"),
            Map.entry(ActivityTypes.BOUNDARY_MESSAGE, "MESSAGE_RECEIVED"),
            Map.entry(ActivityTypes.INTERMEDIATE_EVENT_MESSAGE, "MESSAGE_RECEIVED"),
            Map.entry(ActivityTypes.TASK_RECEIVE_TASK, "MESSAGE_RECEIVED"),
            Map.entry(ActivityTypes.START_EVENT_ERROR, "ERROR_CAUGHT"),
            Map.entry(ActivityTypes.BOUNDARY_ERROR, "ERROR_CAUGHT"),
            Map.entry(ActivityTypes.START_EVENT_ESCALATION, "ESCALATED"),
            Map.entry(ActivityTypes.BOUNDARY_ESCALATION, "ESCALATED"),
            Map.entry(ActivityTypes.CALL_ACTIVITY, "SUBPROCESS_STARTED"),
            Map.entry(ActivityTypes.END_EVENT_NONE, "END_REACHED"),
            Map.entry(ActivityTypes.END_EVENT_ERROR, "END_REACHED"),
            Map.entry(ActivityTypes.END_EVENT_TERMINATE, "END_REACHED"),
            Map.entry(ActivityTypes.END_EVENT_ESCALATION, "END_REACHED"));

    /** The decisions staff record when completing a task (besides every *Outcome and *Opinion). */
    private static final Set<String> DECISION_VARIABLES = Set.of(ProcessVariables.REASONS, ProcessVariables.REVIEW_NEEDED,
            ProcessVariables.REVIEW_COMPLEX, ProcessVariables.EXTENSION_WORKING_DAYS, ProcessVariables.MATERIALS_REQUEST,
            ProcessVariables.DEPARTMENTS_CONSULTED, ProcessVariables.DEPARTMENT_OPINIONS, ProcessVariables.LISTING_DATE,
            ProcessVariables.OVERSEAS_SUBMISSION_DATE, ProcessVariables.MATERIALS_ANSWER);

    private final AuditTrail audit;
    private final HistoryService history;

    CaseTimeline(AuditTrail audit, HistoryService history) {
        this.audit = audit;
        this.history = history;
    }

    enum Source {
        AUDIT, ENGINE
    }

    /**
     * One thing that happened; {@code taskId} names the engine's task it was, if it was one. The engine's
     * entries say which task or activity ({@code stepId}) of which process ({@code processKey}) they were,
     * and a completed task what else was recorded with its outcome ({@code recorded}, variable by
     * variable), so that pages can word them; {@code details} holds the same as text, for the export.
     */
    record Entry(Instant at, String actor, String event, String step, String outcome, String details, Source source,
            String taskId, String stepId, String processKey, Map<String, Object> recorded) {

        public ZonedDateTime beijingTime() {
            return at.atZone(Deadlines.BEIJING);
        }
    }

    List<Entry> of(long applicationId, String number) {
        List<Entry> entries = new ArrayList<>();
        for (AuditEvent event : audit.of(applicationId)) {
            entries.add(new Entry(event.occurredAt(), event.actor(), event.eventType(), event.stage(), event.outcome(),
                    event.details(), Source.AUDIT, null, null, null, Map.of()));
        }
        entries.addAll(engineEntries(number));
        // A stable sort: at the same instant (MySQL keeps whole seconds) our audit events, in the order they were
        // recorded, come before the engine's; the other way round an end event could precede the submission.
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }

    private List<Entry> engineEntries(String number) {
        List<Entry> entries = new ArrayList<>();
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(number).list();
        if (instances.isEmpty()) {
            return entries;
        }
        Map<String, String> completedBy = new HashMap<>();
        Map<String, String> processKeys = new HashMap<>();
        Map<String, Map<String, Object>> decisionsByActivityInstance = new HashMap<>();
        for (HistoricProcessInstance instance : instances) {
            processKeys.put(instance.getId(), CaseModel.wordingKey(instance.getProcessDefinitionKey()));
            for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(instance.getId())
                    .entityType(EntityTypes.TASK).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()) {
                if (entry.getTaskId() != null && entry.getUserId() != null) {
                    completedBy.put(entry.getTaskId(), entry.getUserId());
                }
            }
            for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(instance.getId())
                    .variableUpdates().disableBinaryFetching().disableCustomObjectDeserialization().orderByTime().asc().list()) {
                if (detail instanceof HistoricVariableUpdate update && detail.getActivityInstanceId() != null
                        && mayBeDecision(update.getVariableName())) {
                    Object value = plainValue(update);
                    if (value != null && isDecision(update.getVariableName(), value)) {
                        decisionsByActivityInstance.computeIfAbsent(detail.getActivityInstanceId(), id -> new TreeMap<>())
                                .put(update.getVariableName(), value);
                    }
                }
            }
            for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId()).list()) {
                String event = EVENTS_BY_ACTIVITY_TYPE.get(activity.getActivityType());
                if (event != null) {
                    entries.add(new Entry(activity.getStartTime().toInstant(), SYSTEM, event,
                            activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName(),
                            null, instance.getProcessDefinitionName(), Source.ENGINE, null, activity.getActivityId(),
                            processKeys.get(instance.getId()), Map.of()));
                }
            }
        }
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number)
                .finished().list()) {
            boolean completed = "completed".equals(task.getDeleteReason());
            // A task that did not complete was ended by the engine: the case was withdrawn, rejected or moved on.
            String actor = completed ? completedBy.getOrDefault(task.getId(), task.getAssignee()) : SYSTEM;
            String outcome = null;
            Map<String, Object> recorded = new LinkedHashMap<>();
            if (!completed && task.getAssignee() != null) {
                recorded.put(ASSIGNEE, task.getAssignee());
            }
            if (completed) {
                Map<String, Object> decisions = decisionsByActivityInstance.getOrDefault(task.getActivityInstanceId(), Map.of());
                for (Map.Entry<String, Object> decision : decisions.entrySet()) {
                    if (outcome == null && isOutcome(decision.getKey())) {
                        outcome = String.valueOf(decision.getValue());
                    } else {
                        recorded.put(decision.getKey(), decision.getValue());
                    }
                }
            }
            List<String> details = new ArrayList<>();
            recorded.forEach((variable, value) -> details.add(variable + ": " + value));
            entries.add(new Entry(task.getEndTime().toInstant(), actor == null ? "" : actor,
                    completed ? TASK_COMPLETED : TASK_CANCELLED, CaseTaskNames.step(task.getName()), outcome,
                    details.isEmpty() ? null : String.join("; ", details), Source.ENGINE, task.getId(),
                    task.getTaskDefinitionKey(), processKeys.get(task.getProcessInstanceId()), Collections.unmodifiableMap(recorded)));
        }
        return entries;
    }

    static boolean isOutcome(String variable) {
        return variable.endsWith("Outcome") || variable.endsWith("Opinion");
    }

    private static boolean mayBeDecision(String variable) {
        return isOutcome(variable) || DECISION_VARIABLES.contains(variable) || variable.startsWith(CONSULT);
    }

    /** Staff decisions are strings, numbers and booleans; anything stored as an object is left out. */
    private static Object plainValue(HistoricVariableUpdate update) {
        try {
            return update.getTypedValue() instanceof ObjectValue ? null : update.getValue();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static boolean isDecision(String variable, Object value) {
        if (isOutcome(variable) || DECISION_VARIABLES.contains(variable)) {
            return !(value instanceof String text) || !text.isBlank();
        }
        // Member agencies the office chose to consult.
        return variable.startsWith(CONSULT) && Boolean.TRUE.equals(value);
    }
}
