package cn.ola.ops;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * While the database is out of reach, every part that uses it fails, and most of them log the
 * failure as an error with its whole stack trace: the engine for each command (ENGINE-16004) and
 * each round of its job executor (ENGINE-14019), the connection pool for each connection it drops,
 * the health check for each call. Dozens of stack traces a second that all say the same thing
 * bury whatever else goes wrong. This filter lets each of them through as one warning line
 * instead, naming what failed and the driver's words for why ({@link DatabaseOutage#log}). A
 * failure the outage does not explain is logged as it always was.
 */
@Component
class DatabaseOutageLog extends TurboFilter {

    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();

    @PostConstruct
    void install() {
        setName("database-outage");
        start();
        logging.addTurboFilter(this);
    }

    @PreDestroy
    void uninstall() {
        logging.getTurboFilterList().remove(this);
        stop();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || format == null) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        if (thrown == null || !DatabaseOutage.isCauseOf(thrown)) {
            return FilterReply.NEUTRAL;
        }
        String message = MessageFormatter.arrayFormat(format, params, null).getMessage();
        int lineEnd = message.indexOf('\n');
        DatabaseOutage.log(logger.getName() + " " + (lineEnd < 0 ? message : message.substring(0, lineEnd)).strip(), thrown);
        return FilterReply.DENY;
    }
}
