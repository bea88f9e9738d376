package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;

/** Which failures to write are a deadlock's victim, however deep the engine wraps them. */
class DeadlockVictimsTest {

    @Test
    void mySqlsDeadlockInsideTheEnginesBatchIsAVictim() {
        var deadlock = new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction",
                "40001", 1213);
        var batch = new BatchUpdateException(deadlock.getMessage(), "40001", 1213, new int[0], deadlock);
        assertThat(DeadlockVictims.isDeadlockVictim(
                new ProcessEnginePersistenceException("An exception occurred in the persistence layer.",
                        new PersistenceException(batch)))).isTrue();
    }

    @Test
    void h2sDeadlockIsAVictim() {
        assertThat(DeadlockVictims.isDeadlockVictim(new RuntimeException(
                new SQLException("Deadlock detected. The current transaction was rolled back.", "40001", 40001)))).isTrue();
    }

    @Test
    void aDeadlockNamedOnlyInTheChainOfNextExceptionsIsAVictim() {
        var batch = new BatchUpdateException("Batch entry 3 failed", "HY000", 0, new int[0]);
        batch.setNextException(new SQLException("Deadlock found", "40001", 1213));
        assertThat(DeadlockVictims.isDeadlockVictim(new RuntimeException(batch))).isTrue();
    }

    @Test
    void aLockWaitTimeoutAConstraintOrALostConnectionIsNot() {
        assertThat(DeadlockVictims.isDeadlockVictim(new RuntimeException(
                new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205)))).isFalse();
        assertThat(DeadlockVictims.isDeadlockVictim(new RuntimeException(
                new SQLException("Duplicate entry", "23000", 1062)))).isFalse();
        assertThat(DeadlockVictims.isDeadlockVictim(new RuntimeException(
                new SQLException("Communications link failure", "08S01", 0)))).isFalse();
        assertThat(DeadlockVictims.isDeadlockVictim(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
