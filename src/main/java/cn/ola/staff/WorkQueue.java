package cn.ola.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.ola.filing.Stage;
import cn.ola.security.Roles;
import cn.ola.workflow.CaseModel;
import cn.ola.workflow.CaseTaskNames;
import cn.ola.workflow.ProcessVariables;

/**
 * The staff work queue's read model (table {@code work_queue}): every open staff task of a case, once
 * for its assignee and once for each candidate user and group, with the case's number and company,
 * the step, its stage and its due date. The engine's task listeners keep it in step in their own
 * transaction ({@link WorkQueueRecorder}); the queue reads a viewer's first page along one index in
 * due-date order, so its cost does not grow with the number of open cases.
 *
 * <p>Tasks of the applicant company (offered to company groups only) are answered in the portal and
 * are not in the queue.
 */
@Repository
class WorkQueue {

    static final String USER = "user:";
    static final String GROUP = "group:";
    /** Tasks without a due date come last. */
    static final long NO_DUE_DATE = Long.MAX_VALUE;

    private final JdbcClient jdbc;

    WorkQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of the queue, as a viewer sees it. */
    record Entry(String taskId, String taskKey, String taskName, String stage, String applicationNumber,
            String companyName, String assignee, Instant created, Instant due, String processInstanceId) {
    }

    /** What a viewer asks for: their user id and groups, and optionally one task kind, stage or case. */
    record Query(String userId, Set<String> groups, String taskKey, String stage, String applicationNumber) {

        /** The user and the staff groups: tasks of company groups are not in the queue. */
        Set<String> viewers() {
            Set<String> viewers = new LinkedHashSet<>();
            viewers.add(USER + userId);
            groups.stream().filter(group -> !Roles.isCompanyGroup(group)).sorted().forEach(group -> viewers.add(GROUP + group));
            return viewers;
        }
    }

    record Page(List<Entry> entries, long total, long overdue) {
    }

    // ---- written by the engine's task listeners ---------------------------------------------------

    /**
     * Puts the task in the queue as it is now: its viewers, assignee and due date (replacing what was
     * there). Whether it is in the queue: not a company's task, nor one outside a case.
     */
    boolean record(DelegateTask task) {
        forget(task.getId());
        return recordNew(task);
    }

    /** {@link #record} for a task just created: it has no rows yet, so there is nothing to replace. */
    boolean recordNew(DelegateTask task) {
        if (task.getProcessInstanceId() == null) {
            return false;
        }
        Set<String> viewers = viewersOf(task);
        if (viewers.isEmpty()) {
            return false;
        }
        Object number = task.getVariable(ProcessVariables.APPLICATION_NUMBER);
        Object company = task.getVariable(ProcessVariables.COMPANY_NAME);
        Date due = task.getDueDate();
        String stage = stageOf(task);
        Object[] row = {due == null ? NO_DUE_DATE : due.getTime(), due == null ? null : new Timestamp(due.getTime()),
                new Timestamp(task.getCreateTime().getTime()), task.getTaskDefinitionKey(),
                cut(CaseTaskNames.step(task.getName()), 255), stage, number == null ? null : number.toString(),
                company == null ? null : cut(company.toString(), 255), task.getAssignee(), task.getProcessInstanceId()};
        for (String viewer : viewers) {
            put(viewer, task.getId(), row);
        }
        return true;
    }

    /**
     * Writes one row. Two transactions changing the same task at once (two nodes, a double click) may
     * both find it missing; the second to write updates the row the first wrote. Which of them stands
     * is decided by the engine: it refuses the later change of the task itself (optimistic locking),
     * and that transaction's rows go with it.
     */
    private void put(String viewer, String taskId, Object[] row) {
        List<Object> params = new ArrayList<>(Arrays.asList(row));
        params.add(taskId);
        params.add(viewer);
        try {
            jdbc.sql("""
                    INSERT INTO work_queue (due_order, due_at, created_at, task_key, task_name, stage, application_number,
                        company_name, assignee, process_instance_id, task_id, viewer)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(params).update();
        } catch (DuplicateKeyException writtenMeanwhile) {
            jdbc.sql("""
                    UPDATE work_queue SET due_order = ?, due_at = ?, created_at = ?, task_key = ?, task_name = ?, stage = ?,
                        application_number = ?, company_name = ?, assignee = ?, process_instance_id = ?
                    WHERE task_id = ? AND viewer = ?""").params(params).update();
        }
    }

    /** Takes the task out of the queue: completed or deleted. */
    void forget(String taskId) {
        jdbc.sql("DELETE FROM work_queue WHERE task_id = ?").param(taskId).update();
    }

    /** Who sees the task: its assignee and its candidate users and staff groups. A company's task has none. */
    private static Set<String> viewersOf(DelegateTask task) {
        Set<String> viewers = new LinkedHashSet<>();
        boolean staffGroup = false;
        boolean anyGroup = false;
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || removedInThisCommand(link)) {
                continue;
            }
            if (link.getGroupId() != null) {
                anyGroup = true;
                if (!Roles.isCompanyGroup(link.getGroupId())) {
                    staffGroup = true;
                    viewers.add(GROUP + link.getGroupId());
                }
            } else if (link.getUserId() != null) {
                viewers.add(USER + link.getUserId());
            }
        }
        if (anyGroup && !staffGroup) {
            return Set.of();
        }
        if (task.getAssignee() != null) {
            viewers.add(USER + task.getAssignee());
        }
        return viewers;
    }

    /**
     * Whether the link was removed in the engine command now running: the task's list of links
     * keeps a removed one until the command ends (a candidate group taken away in Tasklist).
     */
    private static boolean removedInThisCommand(IdentityLink link) {
        CommandContext context = Context.getCommandContext();
        return context != null && link instanceof DbEntity entity
                && context.getDbEntityManager().getDbEntityCache().isDeleted(entity);
    }

    /**
     * The stage a task belongs to: the stage of the model it runs in ({@link CaseModel#stage()}), or of the
     * nearest calling model that has one (a member agency's opinion belongs to the review that asked for it).
     */
    static String stageOf(DelegateTask task) {
        if (!(task.getExecution() instanceof ExecutionEntity execution)) {
            return null;
        }
        for (ExecutionEntity at = execution; at != null; at = at.getProcessInstance().getSuperExecution()) {
            Optional<Stage> stage = CaseModel.of(at.getProcessDefinition().getKey()).flatMap(CaseModel::stage);
            if (stage.isPresent()) {
                return stage.get().name();
            }
        }
        return null;
    }

    // ---- read by the queue's page ----------------------------------------------------------------

    /**
     * One page of the viewer's queue, earliest due first (so the overdue lead), with the number of
     * tasks in it and how many of them are overdue. Each of the viewer's identities (the user, each
     * group) is read along its own index up to the end of the page; the pieces are merged here, a task
     * seen through two of them once.
     */
    Page page(Query query, Instant now, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder union = new StringBuilder();
        long end = (long) (page + 1) * size;
        for (String viewer : query.viewers()) {
            if (union.length() > 0) {
                union.append(" UNION ALL ");
            }
            union.append("(SELECT a.task_id, a.due_order FROM work_queue a WHERE a.viewer = ?").append(filters(query, params, viewer))
                    .append(" ORDER BY a.due_order, a.task_id LIMIT ?)");
            params.add(end);
        }
        params.add(size);
        params.add((long) page * size);
        List<String> ids = jdbc.sql("SELECT task_id, MIN(due_order) AS due_order FROM (" + union + ") picked"
                + " GROUP BY task_id ORDER BY due_order, task_id LIMIT ? OFFSET ?")
                .params(params).query((row, n) -> row.getString("task_id")).list();

        List<Entry> entries = List.of();
        if (!ids.isEmpty()) {
            Map<String, Entry> byId = new LinkedHashMap<>();
            ids.forEach(id -> byId.put(id, null));
            List<Object> detailParams = new ArrayList<>(ids);
            detailParams.addAll(query.viewers());
            jdbc.sql("SELECT * FROM work_queue WHERE task_id IN (" + marks(ids) + ") AND viewer IN (" + marks(query.viewers())
                    + ")").params(detailParams).query(WorkQueue::entry).list()
                    .forEach(entry -> byId.putIfAbsent(entry.taskId(), entry));
            byId.replaceAll((id, entry) -> entry);
            entries = byId.values().stream().filter(entry -> entry != null).toList();
        }
        return new Page(entries, count(query, null), count(query, now));
    }

    /**
     * The viewer's tasks, or those due before {@code dueBefore}: counted along each identity's index
     * (a count of distinct tasks over all of them would sort every row of a large group), the largest
     * first, then each smaller one without the tasks an earlier one has already counted.
     */
    private long count(Query query, Instant dueBefore) {
        Map<String, Long> each = new LinkedHashMap<>();
        for (String viewer : query.viewers()) {
            List<Object> params = new ArrayList<>();
            String where = " WHERE a.viewer = ?" + filters(query, params, viewer) + due(dueBefore, params);
            each.put(viewer, jdbc.sql("SELECT COUNT(*) FROM work_queue a" + where).params(params).query(Long.class).single());
        }
        List<String> counted = new ArrayList<>();
        long total = 0;
        for (String viewer : each.keySet().stream().sorted((a, b) -> Long.compare(each.get(b), each.get(a))).toList()) {
            long tasks = each.get(viewer);
            if (tasks == 0) {
                continue;
            }
            if (!counted.isEmpty()) {
                List<Object> params = new ArrayList<>();
                String where = " WHERE a.viewer = ?" + filters(query, params, viewer) + due(dueBefore, params);
                params.addAll(counted);
                tasks -= jdbc.sql("SELECT COUNT(*) FROM work_queue a" + where + " AND EXISTS (SELECT 1 FROM work_queue b"
                        + " WHERE b.viewer IN (" + marks(counted) + ") AND b.task_id = a.task_id)")
                        .params(params).query(Long.class).single();
            }
            total += tasks;
            counted.add(viewer);
        }
        return total;
    }

    private static String due(Instant before, List<Object> params) {
        if (before == null) {
            return "";
        }
        params.add(before.toEpochMilli());
        return " AND a.due_order < ?";
    }

    private static String filters(Query query, List<Object> params, String viewer) {
        if (viewer != null) {
            params.add(viewer);
        }
        StringBuilder sql = new StringBuilder();
        if (query.taskKey() != null) {
            sql.append(" AND a.task_key = ?");
            params.add(query.taskKey());
        }
        if (query.stage() != null) {
            sql.append(" AND a.stage = ?");
            params.add(query.stage());
        }
        if (query.applicationNumber() != null) {
            sql.append(" AND a.application_number = ?");
            params.add(query.applicationNumber());
        }
        return sql.toString();
    }

    private static Entry entry(ResultSet row, int n) throws SQLException {
        Timestamp due = row.getTimestamp("due_at");
        return new Entry(row.getString("task_id"), row.getString("task_key"), row.getString("task_name"),
                row.getString("stage"), row.getString("application_number"), row.getString("company_name"),
                row.getString("assignee"), row.getTimestamp("created_at").toInstant(), due == null ? null : due.toInstant(),
                row.getString("process_instance_id"));
    }

    private static String marks(Collection<?> values) {
        return String.join(", ", values.stream().map(value -> "?").toList());
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
