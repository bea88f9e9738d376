package cn.ola.ops;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns for the work every node does once at start (accounts, grants, filters, retention): two
 * nodes starting at the same moment would otherwise both find a grant missing and both create it,
 * and the second would fail to start on the duplicate. Work done in turn runs in one transaction
 * that first locks Camunda's start-up lock row, which its engines take at start themselves; the
 * next node waits for that transaction to end and then finds everything there. Camunda's services
 * called inside join the transaction.
 */
@Component
public class StartupLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public StartupLock(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Runs the work while no other node runs start-up work. */
    public void inTurn(Runnable work) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'startup.lock' FOR UPDATE").query(String.class)
                    .list();
            work.run();
        });
    }
}
