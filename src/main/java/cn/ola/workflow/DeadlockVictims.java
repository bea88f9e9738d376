package cn.ola.workflow;

import java.sql.SQLException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;

/**
 * Command contexts that report the victim of a deadlock as the lost race it is. When two
 * transactions at the same moment lock the same rows in a different order (two completions of one
 * task on MySQL, say), the database rolls one of them back. The engine turns a conflict it finds
 * itself into an {@link OptimisticLockingException}, but a deadlock reported while it writes its
 * batch of changes into a plain persistence exception: logged as an error (ENGINE-16004), 500 from
 * its REST API, a retry used up by a job. As an {@code OptimisticLockingException} it is logged at
 * DEBUG, answered 409, and a job simply runs again without using up a retry, as Camunda treats its
 * own conflicts. Any other failure to write stays what it was.
 */
class DeadlockVictims extends CommandContextFactory {

    /** SQL's "serialization failure" (the standard's transaction-rollback class), which H2 and MySQL use for a deadlock victim. */
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final int MYSQL_DEADLOCK = 1213;

    /** The engine hands its configuration only to the factory it makes itself. */
    DeadlockVictims(ProcessEngineConfigurationImpl configuration) {
        setProcessEngineConfiguration(configuration);
    }

    @Override
    public CommandContext createCommandContext() {
        return new CommandContext(processEngineConfiguration) {
            @Override
            protected void flushSessions() {
                try {
                    super.flushSessions();
                } catch (OptimisticLockingException conflict) {
                    throw conflict;
                } catch (RuntimeException failed) {
                    if (isDeadlockVictim(failed)) {
                        throw new OptimisticLockingException("The database rolled this transaction back as the loser of a "
                                + "deadlock with another one changing the same data at the same moment; nothing was changed.",
                                failed);
                    }
                    throw failed;
                }
            }
        };
    }

    static boolean isDeadlockVictim(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    if (SERIALIZATION_FAILURE.equals(each.getSQLState()) || each.getErrorCode() == MYSQL_DEADLOCK) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
