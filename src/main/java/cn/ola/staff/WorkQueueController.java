package cn.ola.staff;

import static cn.ola.staff.PageParameters.blankToNull;
import static cn.ola.staff.PageParameters.parseInt;
import static cn.ola.staff.PageParameters.problem;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.Stage;
import cn.ola.security.CurrentGroups;
import cn.ola.workflow.Deadlines;

/**
 * The staff work queue, {@code GET /staff/tasks?task=&stage=&number=&page=}: the signed-in officer's
 * open tasks — their own and those offered to their groups — earliest due first, so the overdue ones
 * lead; each with its case, step, stage, due date and working days left, a link to the task in
 * Tasklist and one to the case view. Read from the {@link WorkQueue}, never from the engine's task
 * query. A wrong filter gets a message on the page (status 400) and the queue shows without it.
 */
@Controller
class WorkQueueController {

    static final int PAGE_SIZE = 50;

    private final WorkQueue queue;
    private final Deadlines deadlines;
    private final RepositoryService repository;
    private final Clock clock;
    private volatile List<String> taskKinds;

    WorkQueueController(WorkQueue queue, Deadlines deadlines, RepositoryService repository, Clock clock) {
        this.queue = queue;
        this.deadlines = deadlines;
        this.repository = repository;
        this.clock = clock;
    }

    /** A row as the page shows it: the entry, its due date in Beijing time and the working days left. */
    record Row(WorkQueue.Entry entry, ZonedDateTime due, ZonedDateTime created, Integer workingDaysLeft) {

        public boolean overdue() {
            return workingDaysLeft != null && workingDaysLeft < 0;
        }
    }

    @GetMapping("/staff/tasks")
    String list(@RequestParam(required = false) String task, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String number, @RequestParam(required = false) String page, Model model,
            HttpServletRequest request, HttpServletResponse response, Authentication user) {
        List<DefaultMessageSourceResolvable> errors = new ArrayList<>();
        String taskFilter = blankToNull(task);
        if (taskFilter != null && !taskKinds().contains(taskFilter)) {
            errors.add(problem("staff.queue.error.task", taskFilter));
            taskFilter = null;
        }
        String stageFilter = blankToNull(stage);
        if (stageFilter != null && !Stage.names().contains(stageFilter)) {
            errors.add(problem("staff.queue.error.stage", stageFilter, String.join(", ", Stage.names())));
            stageFilter = null;
        }
        String numberFilter = blankToNull(number);
        if (numberFilter != null) {
            try {
                numberFilter = ApplicationNumber.parse(numberFilter.strip().toUpperCase(Locale.ROOT)).toString();
            } catch (IllegalArgumentException notANumber) {
                errors.add(problem("staff.queue.error.number", numberFilter));
                numberFilter = null;
            }
        }
        int pageNumber = 0;
        if (blankToNull(page) != null) {
            Integer parsed = parseInt(page);
            if (parsed == null || parsed < 0) {
                errors.add(problem("staff.queue.error.page", page));
            } else {
                pageNumber = parsed;
            }
        }

        Instant now = clock.instant();
        WorkQueue.Query query = new WorkQueue.Query(user.getName(), CurrentGroups.of(user), taskFilter, stageFilter,
                numberFilter);
        WorkQueue.Page result = queue.page(query, now, pageNumber, PAGE_SIZE);
        List<Row> rows = result.entries().stream().map(entry -> new Row(entry,
                entry.due() == null ? null : entry.due().atZone(Deadlines.BEIJING), entry.created().atZone(Deadlines.BEIJING),
                entry.due() == null ? null : deadlines.workingDaysLeft(Date.from(entry.due())))).toList();

        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        long pages = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("errors", errors);
        model.addAttribute("task", task);
        model.addAttribute("stage", stage);
        model.addAttribute("number", number);
        model.addAttribute("taskKinds", taskKinds());
        model.addAttribute("stages", Stage.names());
        model.addAttribute("rows", rows);
        model.addAttribute("total", result.total());
        model.addAttribute("overdue", result.overdue());
        model.addAttribute("page", pageNumber);
        model.addAttribute("pages", pages);
        model.addAttribute("firstRow", (long) pageNumber * PAGE_SIZE + 1);
        model.addAttribute("lastRow", (long) pageNumber * PAGE_SIZE + rows.size());
        String path = request.getContextPath() + "/staff/tasks";
        model.addAttribute("previousPage", pageNumber > 0 ? link(path, query, pageNumber - 1) : null);
        model.addAttribute("nextPage", pageNumber + 1 < pages ? link(path, query, pageNumber + 1) : null);
        return "staff/tasks";
    }

    /** The kinds of staff task the deployed models have: their user tasks not offered to the company. */
    List<String> taskKinds() {
        List<String> kinds = taskKinds;
        if (kinds == null) {
            TreeSet<String> keys = new TreeSet<>();
            for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
                for (UserTask userTask : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
                    String groups = userTask.getCamundaCandidateGroups();
                    if (groups == null || !groups.contains("companyGroup")) {
                        keys.add(userTask.getId());
                    }
                }
            }
            kinds = List.copyOf(keys);
            taskKinds = kinds;
        }
        return kinds;
    }

    private static String link(String path, WorkQueue.Query query, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (query.taskKey() != null) {
            uri.queryParam("task", query.taskKey());
        }
        if (query.stage() != null) {
            uri.queryParam("stage", query.stage());
        }
        if (query.applicationNumber() != null) {
            uri.queryParam("number", query.applicationNumber());
        }
        if (page > 0) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }
}
