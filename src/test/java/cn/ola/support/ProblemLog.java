package cn.ola.support;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * What the application logs while a test watches: every ERROR, and every WARN that carries a
 * stack trace (as an exception or written into the message, as Camunda's REST layer does).
 * Those are the lines an operator is woken up for; an expected outcome must not produce them.
 */
public final class ProblemLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final Queue<String> problems = new ConcurrentLinkedQueue<>();

    private ProblemLog() {
    }

    /** Starts watching the root logger. */
    public static ProblemLog watch() {
        ProblemLog log = new ProblemLog();
        log.setName("problem-log");
        log.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        log.start();
        root().addAppender(log);
        return log;
    }

    @Override
    protected void append(ILoggingEvent event) {
        boolean error = event.getLevel().isGreaterOrEqual(Level.ERROR);
        boolean warningWithTrace = event.getLevel().isGreaterOrEqual(Level.WARN)
                && (event.getThrowableProxy() != null || event.getFormattedMessage().contains("\tat "));
        if (error || warningWithTrace) {
            String thrown = event.getThrowableProxy() == null ? ""
                    : " [" + event.getThrowableProxy().getClassName() + ": " + event.getThrowableProxy().getMessage() + "]";
            String message = event.getFormattedMessage();
            problems.add(event.getLevel() + " " + event.getLoggerName() + ": "
                    + (message.length() > 600 ? message.substring(0, 600) + "…" : message) + thrown);
        }
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
