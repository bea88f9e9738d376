package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Our indexes on the engine's tables are there once the engine has started, and a second start leaves them as they are. */
class EngineTableIndexesTest {

    private final JdbcDataSource database = new JdbcDataSource();

    EngineTableIndexesTest() {
        database.setURL("jdbc:h2:mem:engine-table-indexes;DB_CLOSE_DELAY=-1");
    }

    @Test
    void theGroupsTaskLinksAreIndexedAfterAStartAndAfterASecondStart() throws SQLException {
        ProcessEngine first = start("first-start");
        try {
            assertThat(columnsOf(EngineTableIndexes.GROUP_TASKS.name())).containsExactly("GROUP_ID_", "TYPE_", "TASK_ID_");
        } finally {
            first.close();
        }
        ProcessEngine second = start("second-start");
        try {
            assertThat(columnsOf(EngineTableIndexes.GROUP_TASKS.name())).containsExactly("GROUP_ID_", "TYPE_", "TASK_ID_");
        } finally {
            second.close();
        }
    }

    private ProcessEngine start(String name) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration().setDataSource(database)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE).setProcessEngineName(name);
        configuration.setProcessEnginePlugins(List.of(new EngineTableIndexes(database)));
        return configuration.buildProcessEngine();
    }

    /** The columns of an index on the engine's identity links, in their order; none if there is no such index. */
    private List<String> columnsOf(String index) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet indexes = metadata.getIndexInfo(null, null, "ACT_RU_IDENTITYLINK", false, false)) {
                while (indexes.next()) {
                    if (index.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                        columns.add(indexes.getString("COLUMN_NAME"));
                    }
                }
            }
        }
        return columns;
    }
}
