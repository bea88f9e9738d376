package cn.ola.ops;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure that happened because the database cannot be reached (stopped, restarting, cut
 * off by the network, every pooled connection dead) from every other failure, by what its cause
 * chain holds: the driver lost or could not open a connection
 * ({@link SQLNonTransientConnectionException}, {@link SQLRecoverableException}, SQL state class 08
 * "connection exception", which the pool also gives its timeout when its last attempt to connect
 * failed), or Spring said so ({@link DataAccessResourceFailureException}, e.g.
 * {@code CannotGetJdbcConnectionException}) and no exception of the driver or the pool underneath
 * says otherwise. Spring, MyBatis and the engine only wrap these, so the chain tells it wherever the
 * failure surfaced. When the connection breaks in the middle of a transaction, what is reported may
 * be only its consequence: the statement or connection closed underneath (the driver), the
 * connection dropped (the pool's rollback), or the rollback's failure in place of the first one
 * (Spring); those count too. A pool that timed out because all its connections were busy is no
 * outage: that is a load to look into.
 *
 * <p>The company API, the engine's REST API and the pages answer such a failure with 503 and
 * {@code Retry-After} instead of an error, and the log says so in one line.
 */
public final class DatabaseOutage {

    /** How long a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 10;
    public static final String PROBLEM_TYPE = "https://ola.example.cn/problems/database-unavailable";
    public static final String TITLE = "Temporarily unavailable";
    public static final String DETAIL = "The system cannot reach its database at the moment. Please try again in "
            + RETRY_AFTER_SECONDS + " seconds. A request sent with an Idempotency-Key may be sent again with the same key: "
            + "it is never carried out twice.";
    /** For the engine's REST API, in Camunda's error shape. */
    public static final String ENGINE_REST_TYPE = "ServiceUnavailableException";
    public static final String ENGINE_REST_MESSAGE = "The process engine cannot reach its database at the moment. "
            + "Please try again in " + RETRY_AFTER_SECONDS + " seconds.";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutage.class);
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /**
     * MySQL Connector/J's words for a statement or a connection that was closed underneath a running
     * transaction, which happens when the connection was lost (during a batch, say) and the driver
     * reports only that.
     */
    private static final Set<String> CLOSED_UNDERNEATH = Set.of("com.mysql.cj.exceptions.StatementIsClosedException",
            "com.mysql.cj.exceptions.ConnectionIsClosedException");
    /**
     * What the pool (Hikari) says, without an SQL state, when a transaction is rolled back on a
     * connection it has just dropped because the connection was lost.
     */
    private static final String POOL_DROPPED_CONNECTION = "Connection is closed";
    /** More than every wrapper seen (servlet, template, Spring, engine, MyBatis, pool, driver) puts together. */
    private static final int MAX_EXCEPTIONS = 64;

    private DatabaseOutage() {
    }

    /** Whether the database being out of reach is what made this fail. */
    public static boolean isCauseOf(Throwable failure) {
        return connectionFailure(failure) != null;
    }

    /** The one line an operator reads for each failure during an outage (no stack trace: it tells nothing more). */
    public static void log(String what, Throwable failure) {
        LOG.warn("{}: the database cannot be reached ({})", what, reason(failure));
    }

    /** The driver's or the pool's own words for what happened to the connection. */
    static String reason(Throwable failure) {
        Throwable cause = connectionFailure(failure);
        Throwable shown = cause == null ? failure : cause;
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        int lineEnd = message.indexOf('\n');
        return lineEnd < 0 ? message : message.substring(0, lineEnd);
    }

    /**
     * The first exception that says a connection is lost, looking through causes, the further
     * exceptions of an {@link SQLException}, and the exception a failed rollback took the place of.
     */
    private static Throwable connectionFailure(Throwable failure) {
        Deque<Throwable> toLookAt = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable saidBySpring = null;
        boolean driverSpoke = false;
        if (failure != null) {
            toLookAt.add(failure);
        }
        while (!toLookAt.isEmpty() && seen.size() < MAX_EXCEPTIONS) {
            Throwable each = toLookAt.poll();
            if (!seen.add(each)) {
                continue;
            }
            if (each instanceof SQLException sql && lostConnection(sql)
                    || CLOSED_UNDERNEATH.contains(each.getClass().getName())) {
                return each;
            }
            if (each instanceof DataAccessResourceFailureException && saidBySpring == null) {
                saidBySpring = each;
            }
            driverSpoke |= each instanceof SQLException;
            addIfAny(toLookAt, each.getCause());
            if (each instanceof SQLException sql) {
                addIfAny(toLookAt, sql.getNextException());
            }
            if (each instanceof TransactionSystemException rollbackFailed) {
                addIfAny(toLookAt, rollbackFailed.getApplicationException());
            }
        }
        // Spring's word counts where no driver or pool said what happened; where one did, its word decides.
        return driverSpoke ? null : saidBySpring;
    }

    private static void addIfAny(Deque<Throwable> toLookAt, Throwable exception) {
        if (exception != null) {
            toLookAt.add(exception);
        }
    }

    private static boolean lostConnection(SQLException sql) {
        return sql instanceof SQLNonTransientConnectionException || sql instanceof SQLRecoverableException
                || sql.getSQLState() != null && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
                || sql.getSQLState() == null && POOL_DROPPED_CONNECTION.equals(sql.getMessage());
    }
}
