package cn.ola.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Two nodes starting at once on an empty MySQL schema take turns creating (or updating) the
 * engine's tables. Camunda's schema update has no lock of its own: both nodes find the tables
 * missing, both create them, and the second fails to start on "table already exists". Here the
 * engine's start-up schema commands run while this node holds a MySQL named lock, on a connection
 * of its own; the second node waits for it and then finds the tables there. H2 serves one node
 * only and needs no turns. (Flyway takes a lock of its own for our tables; Camunda's deployment
 * lock keeps the models at one version.)
 */
@Component
class EngineSchemaTurns extends AbstractProcessEnginePlugin {

    static final String LOCK = "ola_engine_schema";
    /** Long enough for a first creation of the schema on a slow server. */
    static final int WAIT_SECONDS = 300;

    private final DataSource dataSource;

    EngineSchemaTurns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        String database = configuration.getDatabaseType();
        if (!"mysql".equals(database) && !"mariadb".equals(database)) {
            return;
        }
        CommandExecutor schemaOperations = configuration.getCommandExecutorSchemaOperations();
        configuration.setCommandExecutorSchemaOperations(new CommandExecutor() {
            @Override
            public <T> T execute(Command<T> command) {
                try (Connection turn = dataSource.getConnection()) {
                    take(turn);
                    try {
                        return schemaOperations.execute(command);
                    } finally {
                        release(turn);
                    }
                } catch (SQLException e) {
                    throw new ProcessEngineException("The engine's tables cannot be checked in turn with other nodes", e);
                }
            }
        });
    }

    private static void take(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            lock.setString(1, LOCK);
            lock.setInt(2, WAIT_SECONDS);
            try (ResultSet result = lock.executeQuery()) {
                if (!result.next() || result.getInt(1) != 1) {
                    throw new ProcessEngineException("Another node has been creating or updating the engine's tables for "
                            + WAIT_SECONDS + " s; this node does not start beside it");
                }
            }
        }
    }

    private static void release(Connection connection) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            unlock.setString(1, LOCK);
            unlock.executeQuery().close();
        }
    }

    @Override
    public String toString() {
        return "EngineSchemaTurns";
    }
}
