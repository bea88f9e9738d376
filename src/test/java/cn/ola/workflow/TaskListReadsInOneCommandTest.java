package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tasklist's reads of a filter run as one engine command in one transaction; a call that fails inside
 * keeps the answer Camunda's resource gave it; every other request is left alone. On an engine set up
 * as the application's (Spring transactions), on H2.
 */
class TaskListReadsInOneCommandTest {

    private final ProcessEngine engine = engine();
    private final FilterService filters = engine.getFilterService();
    private final TaskListReadsInOneCommand.OneCommand oneCommand = new TaskListReadsInOneCommand.OneCommand(
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())::getCommandExecutorTxRequired);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aFiltersListAndCountShareOneCommandAndOneTransaction() throws Exception {
        String filter = filters.saveFilter(filters.newTaskFilter("Tasks of my groups")
                .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup("cro-reviewer"))).getId();
        for (int i = 0; i < 3; i++) {
            Task task = engine.getTaskService().newTask();
            engine.getTaskService().saveTask(task);
            engine.getTaskService().addCandidateGroup(task.getId(), "cro-reviewer");
        }
        List<CommandContext> seen = new ArrayList<>();
        List<Object> answers = new ArrayList<>();
        MockHttpServletResponse sent = new MockHttpServletResponse();

        oneCommand.doFilter(request("POST", "/engine/default/filter/" + filter + "/list"), sent,
                (request, response) -> {
                    seen.add(Context.getCommandContext());
                    assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
                    answers.add(filters.listPage(filter, 0, 15).size());
                    seen.add(Context.getCommandContext());
                    answers.add(filters.count(filter));
                    seen.add(Context.getCommandContext());
                    response.setContentType("application/hal+json");
                    response.getWriter().write("{\"count\": " + answers.get(1) + "}");
                    response.flushBuffer();
                    // Not sent while the transaction is open: sending would save the session inside it.
                    assertThat(sent.isCommitted()).isFalse();
                    assertThat(sent.getContentAsString()).isEmpty();
                });

        assertThat(answers).containsExactly(3, 3L);
        assertThat(seen).hasSize(3).doesNotContainNull().containsOnly(seen.get(0));
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
        assertThat(sent.getContentAsString()).isEqualTo("{\"count\": 3}");
        assertThat(sent.getContentType()).isEqualTo("application/hal+json");
    }

    @Test
    void theFiltersWithTheirCountsAndAFiltersCountAloneAreReadsToo() {
        for (String path : List.of("/engine/default/filter", "/engine/default/filter/", "/engine/default/filter/f1/count",
                "/engine/default/filter/f1/list")) {
            assertThat(oneCommand.shouldNotFilter(request("GET", path))).as(path).isFalse();
            assertThat(oneCommand.shouldNotFilter(request("POST", path))).as(path).isFalse();
        }
    }

    @Test
    void aCallThatFailsInsideKeepsTheAnswerTheResourceGave() throws Exception {
        MockHttpServletResponse answered = new MockHttpServletResponse();

        oneCommand.doFilter(request("POST", "/engine/default/filter/no-such-filter/count"), answered,
                (request, response) -> {
                    try {
                        filters.count("no-such-filter");
                    } catch (NullValueException e) {
                        // What Camunda's filter resource answers to a filter that does not exist.
                        ((HttpServletResponse) response).sendError(404, "Filter with id 'no-such-filter' does not exist.");
                    }
                });

        assertThat(answered.getStatus()).isEqualTo(404);
        assertThat(answered.getErrorMessage()).contains("no-such-filter");
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
    }

    @Test
    void everyOtherRequestRunsAsBefore() throws Exception {
        List<String> leftAlone = List.of("/engine/default/task/t1/complete", "/engine/default/task/t1/claim",
                "/engine/default/task", "/engine/default/filter/f1", "/engine/default/filter/create",
                "/engine/default/filter/f1/singleResult");
        for (String path : leftAlone) {
            List<CommandContext> seen = new ArrayList<>();
            FilterChain chain = (request, response) -> seen.add(Context.getCommandContext());

            oneCommand.doFilter(request("POST", path), new MockHttpServletResponse(), chain);

            assertThat(seen).as(path).containsExactly((CommandContext) null);
        }
        MockHttpServletRequest deletion = request("DELETE", "/engine/default/filter/f1/list");
        assertThat(oneCommand.shouldNotFilter(deletion)).isTrue();
    }

    private static MockHttpServletRequest request(String method, String pathInfo) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/camunda/api/engine" + pathInfo);
        request.setServletPath("/camunda/api/engine");
        request.setPathInfo(pathInfo);
        return request;
    }

    private static ProcessEngine engine() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:task-list-reads;DB_CLOSE_DELAY=-1");
        DataSource database = h2;
        SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
        configuration.setProcessEngineName("task-list-reads");
        configuration.setDataSource(database);
        configuration.setTransactionManager(new DataSourceTransactionManager(database));
        configuration.setDatabaseSchemaUpdate("create-drop");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("none");
        GenericApplicationContext noBeans = new GenericApplicationContext();
        noBeans.refresh();
        configuration.setApplicationContext(noBeans);
        return configuration.buildProcessEngine();
    }
}
