package cn.ola.workflow;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Indexes of ours on the engine's tables, made as the engine starts, once Camunda has created or updated
 * its tables (our Flyway migrations run before the engine exists, so they cannot). An index that is there
 * already is left alone; two nodes starting at once may both try, and the second finds it made.
 *
 * <p>{@link #GROUP_TASKS}: a group's task list, as Tasklist asks for it, finds the group's candidate links and
 * their tasks. With Camunda's own index (the group alone) MySQL reads every open task along the tenant index
 * and looks up its links one by one; along this one it reads the group's links from the index alone and
 * each task by its key. Measured on MySQL at 5,000 cases (docs/benchmarks.md): the reviewer's list query
 * 81–95 → 56 ms, its count 19 → 17 ms.
 */
@Component
class EngineTableIndexes extends AbstractProcessEnginePlugin {

    record Index(String name, String table, String columns) {
    }

    static final Index GROUP_TASKS = new Index("OLA_IDX_IDENT_LNK_GROUP_TASK", "ACT_RU_IDENTITYLINK", "GROUP_ID_, TYPE_, TASK_ID_");
    static final List<Index> INDEXES = List.of(GROUP_TASKS);

    private final DataSource dataSource;

    EngineTableIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        make(dataSource);
    }

    private static void make(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            for (Index index : INDEXES) {
                if (exists(connection, index)) {
                    continue;
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE INDEX " + index.name() + " ON " + index.table() + " (" + index.columns() + ")");
                } catch (SQLException e) {
                    if (!exists(connection, index)) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("The indexes of ours on the engine's tables could not be made", e);
        }
    }

    private static boolean exists(Connection connection, Index index) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String table = metadata.storesLowerCaseIdentifiers() ? index.table().toLowerCase() : index.table();
        try (ResultSet indexes = metadata.getIndexInfo(connection.getCatalog(), connection.getSchema(), table, false, true)) {
            while (indexes.next()) {
                if (index.name().equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "EngineTableIndexes";
    }
}
