package cn.ola.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tasklist's reads of its filters run in one engine command each, not in one per engine call.
 *
 * <p>Camunda's filter resource answers Tasklist's task list with three engine calls (the filter, then
 * the filter and its tasks, then the filter and its count) and the filters in the side bar with one
 * more per filter. Each call is a command of its own: a transaction (three statements on MySQL) and
 * the authorization checks that precede every read (which groups have grants, whether any revoke
 * exists, the filter's grant). Run inside one command, the calls share its transaction, its
 * authorization checks and the filter it read first: 12 statements per list call instead of 27
 * (docs/benchmarks.md). Every call still checks that the user may read the filter, and the tasks
 * are still read as the user.
 *
 * <p>Only reads take this way: the filters, a filter's list and its count. A call that fails inside
 * (a filter that does not exist, one the user may not read) is answered by Camunda's resource as
 * before; the command then ends with nothing to roll back. The answer is sent once the command has
 * ended, so the connection is not held while it travels and the session is saved on its own.
 */
@Configuration(proxyBeanMethods = false)
class TaskListReadsInOneCommand {

    private static final Logger LOG = LoggerFactory.getLogger(TaskListReadsInOneCommand.class);

    /** Under Tasklist's engine API: the filters (with their counts), and a filter's list or count. */
    static final Pattern FILTER_READ = Pattern.compile("/engine/[^/]+/filter(/[^/]+/(list|count))?/?");

    /** The engine is looked up at the first request: filters are made before the database is migrated. */
    @Bean
    FilterRegistrationBean<OneCommand> taskListReadsInOneCommandFilter(ObjectProvider<ProcessEngine> engine) {
        Supplier<CommandExecutor> commands = () -> ((ProcessEngineConfigurationImpl) engine.getObject()
                .getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        FilterRegistrationBean<OneCommand> registration = new FilterRegistrationBean<>(new OneCommand(commands));
        registration.addUrlPatterns("/camunda/api/engine/*");
        // Inside our single sign-on. Camunda's webapp filters (its authentication, security and CSRF checks)
        // run inside the command as well: they read the session and, when its cache has expired, the user's groups.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.setMatchAfter(true);
        return registration;
    }

    static final class OneCommand extends OncePerRequestFilter {

        private final Supplier<CommandExecutor> commands;

        OneCommand(Supplier<CommandExecutor> commands) {
            this.commands = commands;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String method = request.getMethod();
            boolean reads = "GET".equals(method) || "POST".equals(method);
            // A filter's list and count are POSTs in Tasklist: the body extends the filter's query.
            return !reads || request.getPathInfo() == null || !FILTER_READ.matcher(request.getPathInfo()).matches();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // The answer is held back until the command has ended: sending it would save the session
            // (Spring Session saves when the response is committed) inside the command's transaction.
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
            try {
                commands.get().execute(context -> {
                    try {
                        chain.doFilter(request, answer);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (ServletException e) {
                        throw new ChainFailed(e);
                    }
                    return null;
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (ChainFailed e) {
                throw e.servletException;
            } catch (UnexpectedRollbackException e) {
                // A call inside failed and Camunda's resource answered it (404, 403); it read only.
                LOG.debug("A read of Tasklist's filters ended with an answered failure: {}", e.getMessage());
            }
            answer.copyBodyToResponse();
        }
    }

    private static final class ChainFailed extends RuntimeException {

        final ServletException servletException;

        ChainFailed(ServletException servletException) {
            super(servletException);
            this.servletException = servletException;
        }
    }
}
