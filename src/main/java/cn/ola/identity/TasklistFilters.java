package cn.ola.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.ops.StartupLock;

/**
 * Tasklist's filters for all staff, made at every start exactly as {@link DefaultFilter} defines
 * them: created when missing, rewritten when their definition here changed (or an administrator
 * changed them in Tasklist), never doubled. Their queries ask for the signed-in user's own groups
 * and name, so one filter serves every staff group, also one created later in Camunda Admin; every
 * signed-in user may read them (company users never reach Tasklist).
 *
 * <p>Tasklist shows a filter's name as stored, in whatever language the page is in, so the names
 * carry both languages, Chinese first. Filters per language would show each user both: who sees a
 * filter is a matter of authorization, and the language is the browser's, not the user's.
 *
 * <p>Two nodes starting at once take turns on Camunda's start-up lock, so the second finds what
 * the first made (and removes doubles an earlier version may have left).
 */
@Component
@Order(3)
class TasklistFilters implements ApplicationRunner {

    /** The property by which a filter is known as one of ours; Tasklist drops it when a filter is edited there. */
    static final String KEY = "olaDefaultFilter";

    enum DefaultFilter {
        MY_GROUP_TASKS("my-group-tasks", "我的组任务 · Tasks of my groups", -10,
                "分派给你所在各组的任务和你已认领的任务，按截止时间排列 · Tasks offered to any of your groups, and those you "
                        + "have claimed, by due date", "Tasks of my groups"),
        MY_TASKS("my-tasks", "我的任务 · My tasks", -5, "你已认领的任务，按截止时间排列 · Tasks you have claimed, by due date",
                "My tasks"),
        OVERDUE("overdue", "逾期任务 · Overdue tasks", 0,
                "你所在各组已过截止时间的任务，逾期最久的在前 · Tasks of your groups past their due date, longest overdue first");

        final String key;
        final String name;
        final int priority;
        final String description;
        /** Names it went by in earlier versions, which had no key. */
        final List<String> formerNames;

        DefaultFilter(String key, String name, int priority, String description, String... formerNames) {
            this.key = key;
            this.name = name;
            this.priority = priority;
            this.description = description;
            this.formerNames = List.of(formerNames);
        }

        TaskQuery query(TaskService tasks) {
            return switch (this) {
                case MY_GROUP_TASKS -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc();
                case MY_TASKS -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc();
                case OVERDUE -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().dueBeforeExpression("${now()}").orderByDueDate().asc();
            };
        }

        Map<String, Object> properties() {
            return Map.of(KEY, key, "priority", priority, "description", description, "refresh", true);
        }

        boolean names(Filter filter) {
            return likeness(filter) < 3;
        }

        /** 0: known by our key, 1: by its name, 2: by a former name, 3: not this one. */
        int likeness(Filter filter) {
            Map<String, Object> properties = filter.getProperties();
            return properties != null && key.equals(properties.get(KEY)) ? 0 : name.equals(filter.getName()) ? 1
                    : formerNames.contains(filter.getName()) ? 2 : 3;
        }
    }

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final StartupLock startupLock;
    private final ObjectMapper json = new ObjectMapper();

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
            StartupLock startupLock) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.startupLock = startupLock;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.inTurn(() -> {
            for (DefaultFilter filter : DefaultFilter.values()) {
                ensure(filter);
            }
        });
    }

    /** The filter, as defined: one of it, readable by every signed-in user. */
    private void ensure(DefaultFilter definition) {
        Filter wanted = filters.newTaskFilter(definition.name).setProperties(definition.properties())
                .setQuery(definition.query(tasks));
        // Ours by its key first, then by its name, then by a former name; any others are doubles.
        List<Filter> found = filters.createFilterQuery().filterResourceType(EntityTypes.TASK).list().stream()
                .filter(definition::names).sorted(Comparator.comparing(definition::likeness)).toList();
        Filter filter;
        if (found.isEmpty()) {
            filter = filters.saveFilter(wanted);
        } else {
            filter = found.get(0);
            found.stream().skip(1).forEach(duplicate -> filters.deleteFilter(duplicate.getId()));
            if (!same(filter, wanted)) {
                filters.saveFilter(filter.setName(wanted.getName()).setProperties(wanted.getProperties())
                        .setQuery(wanted.getQuery()));
            }
        }
        readableByEveryone(filter.getId());
    }

    private boolean same(Filter stored, Filter wanted) {
        return Objects.equals(stored.getName(), wanted.getName())
                && sameJson(((FilterEntity) stored).getPropertiesInternal(), ((FilterEntity) wanted).getPropertiesInternal())
                && sameJson(((FilterEntity) stored).getQueryInternal(), ((FilterEntity) wanted).getQueryInternal());
    }

    private boolean sameJson(String a, String b) {
        try {
            return json.readTree(a).equals(json.readTree(b));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private void readableByEveryone(String filterId) {
        boolean granted = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(Resources.FILTER).resourceId(filterId).hasPermission(Permissions.READ).count() > 0;
        if (!granted) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            grant.setUserId(Authorization.ANY);
            grant.setResource(Resources.FILTER);
            grant.setResourceId(filterId);
            grant.addPermission(Permissions.READ);
            authorizations.saveAuthorization(grant);
        }
    }
}
