package cn.ola.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Failures the database being out of reach explains, as the pool, the driver, Spring and the engine report them, and others. */
class DatabaseOutageTest {

    static final SQLTransientConnectionException POOL_TIMED_OUT = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 5001ms (total=0, active=0, idle=0, waiting=2)",
            "08S01", new SQLNonTransientConnectionException("Communications link failure\n\nThe last packet sent ...", "08S01"));

    @Test
    void noConnectionFromThePoolForATransaction() {
        var failure = new CannotCreateTransactionException("Could not open JDBC Connection for transaction", POOL_TIMED_OUT);

        assertThat(DatabaseOutage.isCauseOf(failure)).isTrue();
        assertThat(DatabaseOutage.reason(failure)).startsWith("HikariPool-1 - Connection is not available");
    }

    @Test
    void aConnectionLostInTheMiddleOfAnEngineCommand() {
        var driver = new SQLRecoverableException("Communications link failure\n\nThe last packet successfully received ...",
                "08S01");
        var failure = new ProcessEngineException("Process engine persistence exception",
                new ProcessEnginePersistenceException("Could not update", new org.apache.ibatis.exceptions.PersistenceException(
                        "### Error updating database.", driver)));

        assertThat(DatabaseOutage.isCauseOf(failure)).isTrue();
        assertThat(DatabaseOutage.reason(failure)).isEqualTo("Communications link failure");
    }

    @Test
    void aStatementTheDriverClosedWhenItLostTheConnectionDuringABatch() {
        var closed = new SQLException("No operations allowed after statement closed.", "S1009",
                new com.mysql.cj.exceptions.StatementIsClosedException("No operations allowed after statement closed."));

        assertThat(DatabaseOutage.isCauseOf(new ProcessEngineException("ENGINE-03083 Unexpected exception while executing "
                + "database operations", new org.apache.ibatis.exceptions.PersistenceException(closed)))).isTrue();
    }

    @Test
    void aPoolWhoseConnectionsAreAllBusyIsNoOutage() {
        var busy = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5001ms (total=10, active=10, idle=0, waiting=3)");

        assertThat(DatabaseOutage.isCauseOf(new CannotCreateTransactionException("Could not open JDBC Connection", busy)))
                .isFalse();
        assertThat(DatabaseOutage.isCauseOf(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", busy)))
                .isFalse();
    }

    @Test
    void aPageWhoseControllerFoundNoConnection() {
        assertThat(DatabaseOutage.isCauseOf(new ServletException("Request processing failed",
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", POOL_TIMED_OUT)))).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")))
                .as("said by Spring alone").isTrue();
    }

    @Test
    void aConnectionExceptionByItsSqlStateOrFurtherDownABatch() {
        assertThat(DatabaseOutage.isCauseOf(new SQLException("Could not create connection to database server", "08001")))
                .isTrue();
        var batch = new BatchUpdateException("Batch failed", "HY000", new int[0]);
        batch.setNextException(new SQLException("Connection reset", "08S01"));
        assertThat(DatabaseOutage.isCauseOf(new RuntimeException(batch))).isTrue();
    }

    @Test
    void aRollbackOnTheConnectionThePoolDroppedOrInPlaceOfTheLostConnection() {
        var dropped = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(DatabaseOutage.isCauseOf(new ProcessEnginePersistenceException("An exception occurred", dropped))).isTrue();

        var overridden = new TransactionSystemException("JDBC rollback failed", new SQLException("Rollback refused", "HY000"));
        overridden.initApplicationException(new SQLRecoverableException("Communications link failure", "08S01"));
        assertThat(DatabaseOutage.isCauseOf(overridden)).isTrue();
        assertThat(DatabaseOutage.isCauseOf(new TransactionSystemException("Could not commit",
                new SQLException("Rollback refused", "HY000")))).isFalse();
    }

    @Test
    void otherFailuresAreNotAnOutage() {
        assertThat(DatabaseOutage.isCauseOf(new SQLException("Deadlock found when trying to get lock", "40001", 1213)))
                .isFalse();
        assertThat(DatabaseOutage.isCauseOf(new DuplicateKeyException("Duplicate entry"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new OptimisticLockingException("Entity was updated by another transaction")))
                .isFalse();
        assertThat(DatabaseOutage.isCauseOf(new ProcessEngineException("Cannot find task with id 42"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new IllegalStateException("The letter task has no input parameter"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(null)).isFalse();
    }

    @Test
    void aCauseChainThatRunsInACircleEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(DatabaseOutage.isCauseOf(second)).isFalse();
    }

    @Test
    void anErrorWithItsStackTraceThatTheOutageExplainsIsLoggedAsOneWarningLine() {
        Logger engine = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.jobexecutor");
        Logger outage = (Logger) LoggerFactory.getLogger(DatabaseOutage.class);
        ListAppender<ILoggingEvent> engineLines = new ListAppender<>();
        ListAppender<ILoggingEvent> outageLines = new ListAppender<>();
        engineLines.start();
        outageLines.start();
        engine.addAppender(engineLines);
        outage.addAppender(outageLines);
        boolean additive = engine.isAdditive();
        engine.setAdditive(false);
        DatabaseOutageLog filter = new DatabaseOutageLog();
        filter.install();
        try {
            // As Camunda logs: the exception as the last of the message's arguments.
            engine.error("ENGINE-14019 Exception during job acquisition {}", "Could not open JDBC Connection",
                    new CannotCreateTransactionException("Could not open JDBC Connection", POOL_TIMED_OUT));
            engine.error("ENGINE-16004 Exception while closing command context", new IllegalStateException("a bug"));
        } finally {
            filter.uninstall();
            engine.setAdditive(additive);
            engine.detachAppender(engineLines);
            outage.detachAppender(outageLines);
        }

        assertThat(engineLines.list).singleElement().satisfies(bug -> {
            assertThat(bug.getFormattedMessage()).contains("ENGINE-16004");
            assertThat(bug.getThrowableProxy()).isNotNull();
        });
        assertThat(outageLines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).hasToString("WARN");
            assertThat(line.getThrowableProxy()).isNull();
            assertThat(line.getFormattedMessage()).isEqualTo("org.camunda.bpm.engine.jobexecutor ENGINE-14019 Exception "
                    + "during job acquisition Could not open JDBC Connection: the database cannot be reached (HikariPool-1 - "
                    + "Connection is not available, request timed out after 5001ms (total=0, active=0, idle=0, waiting=2))");
        });
    }
}
