package cn.ola.staff;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Service;

import cn.ola.workflow.CaseModel;
import cn.ola.workflow.Deadlines;
import cn.ola.workflow.ProcessVariables;

/**
 * The statutory clocks of a running case. The models keep each clock in process variables
 * ({@code <clock>Due}, {@code <clock>Stopped}, {@code <clock>RemainingWd}, see {@link Deadlines});
 * call activities copy them into their sub-processes, and they stay behind when the step they
 * time is done. A clock therefore counts as running only where an open task is due on it, and as
 * stopped where its stop flag is set; the others are history, which the timeline tells.
 */
@Service
class CaseDeadlines {

    private static final String DUE_SUFFIX = ProcessVariables.due("");
    private static final Set<String> PLAIN_TYPES = Set.of("boolean", "integer", "long", "short", "double");

    private final RuntimeService runtime;
    private final HistoryService history;
    private final Deadlines deadlines;

    CaseDeadlines(RuntimeService runtime, HistoryService history, Deadlines deadlines) {
        this.runtime = runtime;
        this.history = history;
        this.deadlines = deadlines;
    }

    enum State {
        RUNNING, STOPPED
    }

    /** A clock of one of the case's processes: {@code processKey} words the process on pages, its name is the model's. */
    record Deadline(String clock, String processKey, String processName, ZonedDateTime due, State state,
            Integer workingDaysLeft, String processInstanceId) {

        public boolean overdue() {
            return state == State.RUNNING && workingDaysLeft != null && workingDaysLeft < 0;
        }
    }

    List<Deadline> of(String number, List<OpenTasks.OpenTask> openTasks) {
        Map<String, String> processNames = new HashMap<>();
        Map<String, String> processKeys = new HashMap<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(number).unfinished().list()) {
            processNames.put(instance.getId(), instance.getProcessDefinitionName());
            processKeys.put(instance.getId(), CaseModel.wordingKey(instance.getProcessDefinitionKey()));
        }
        if (processNames.isEmpty()) {
            return List.of();
        }
        String[] instanceIds = processNames.keySet().toArray(String[]::new);
        List<VariableInstance> dueVariables = runtime.createVariableInstanceQuery().processInstanceIdIn(instanceIds)
                .variableNameLike("%" + DUE_SUFFIX).disableCustomObjectDeserialization().list();

        List<String> flagNames = new ArrayList<>();
        for (VariableInstance due : dueVariables) {
            String clock = clockOf(due.getName());
            flagNames.add(ProcessVariables.clockStopped(clock));
            flagNames.add(ProcessVariables.remainingWorkingDays(clock));
        }
        Map<String, Object> flags = new HashMap<>();
        if (!flagNames.isEmpty()) {
            for (VariableInstance flag : runtime.createVariableInstanceQuery().processInstanceIdIn(instanceIds)
                    .variableNameIn(flagNames.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
                if (PLAIN_TYPES.contains(flag.getTypeName())) {
                    flags.put(flag.getProcessInstanceId() + "/" + flag.getName(), flag.getValue());
                }
            }
        }

        // Per clock, every running or stopped instance of it; copies in sub-processes and finished steps are left out.
        List<Deadline> shown = new ArrayList<>();
        for (VariableInstance variable : dueVariables) {
            if (!"date".equals(variable.getTypeName()) || !(variable.getValue() instanceof Date due)) {
                continue;
            }
            String clock = clockOf(variable.getName());
            String instance = variable.getProcessInstanceId();
            ZonedDateTime dueAt = due.toInstant().atZone(Deadlines.BEIJING);
            Deadline deadline;
            if (Boolean.TRUE.equals(flags.get(instance + "/" + ProcessVariables.clockStopped(clock)))) {
                Object remaining = flags.get(instance + "/" + ProcessVariables.remainingWorkingDays(clock));
                deadline = new Deadline(clock, processKeys.get(instance), processNames.get(instance), dueAt, State.STOPPED,
                        remaining instanceof Number n ? n.intValue() : null, instance);
            } else if (timesAnOpenTask(instance, due, openTasks)) {
                deadline = new Deadline(clock, processKeys.get(instance), processNames.get(instance), dueAt, State.RUNNING,
                        deadlines.workingDaysLeft(due), instance);
            } else {
                continue;
            }
            if (shown.stream().noneMatch(d -> d.clock().equals(clock) && d.due().equals(deadline.due())
                    && d.state() == deadline.state())) {
                shown.add(deadline);
            }
        }
        shown.sort(Comparator.comparing(Deadline::state).thenComparing(Deadline::due));
        return shown;
    }

    private static boolean timesAnOpenTask(String processInstanceId, Date due, List<OpenTasks.OpenTask> openTasks) {
        long dueSecond = due.getTime() / 1000;
        return openTasks.stream().anyMatch(task -> processInstanceId.equals(task.processInstanceId()) && task.due() != null
                && task.due().toInstant().getEpochSecond() == dueSecond);
    }

    private static String clockOf(String dueVariable) {
        return dueVariable.substring(0, dueVariable.length() - DUE_SUFFIX.length());
    }
}
