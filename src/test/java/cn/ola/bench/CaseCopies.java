package cn.ola.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Copies of the open cases, made in bulk with INSERT … SELECT (MySQL only), so that the staff search, the
 * staff case view and the dashboard can be read at 50,000 cases without filing 50,000 cases through the
 * services (an hour on the benchmark's machine). Round k copies every case that has a number: the
 * application with id + k × {@value #ID_STEP} and the number {@code OLA-<2100 + k>-<same digits>}, its
 * current stages, audit trail and documents; and, for the pages and task lists that read the engine, its
 * executions, open tasks with their candidate groups and (for need-to-know groups) their task authorizations,
 * its current variables (Tasklist's list shows some of them), historic process instances, historic tasks and
 * historic identity links, each row under a new id ({@code bench<k>-} and the MD5 of the old one, the same
 * function everywhere, so that the copies refer to one another as the originals do). A variable stored as a
 * byte array shares the original's.
 *
 * <p>Not copied: the engine's per-case history detail (variable history, activity instances, decision
 * history, operation log). A case view reads those by the case's process instance id along the engine's
 * indexes, so their size does not enter its cost; it is measured on the cases filed, which have them.
 * No job, timer or event subscription is copied: the engine never acts on a copy by itself.
 */
final class CaseCopies {

    static final long ID_STEP = 10_000_000L;
    static final String MARK = "bench";

    /** Engine tables copied, each with the condition that keeps its rows of cases. */
    private static final List<String[]> ENGINE_TABLES = List.of(
            new String[] {"ACT_RU_EXECUTION", "1 = 1"},
            new String[] {"ACT_RU_TASK", "1 = 1"},
            new String[] {"ACT_RU_IDENTITYLINK", "TASK_ID_ IS NOT NULL"},
            new String[] {"ACT_RU_VARIABLE", "PROC_INST_ID_ IS NOT NULL AND BATCH_ID_ IS NULL"},
            // The task authorizations of need-to-know groups (pooled groups have a grant per definition instead).
            new String[] {"ACT_RU_AUTHORIZATION", "RESOURCE_TYPE_ = 7 AND RESOURCE_ID_ IN (SELECT ID_ FROM ACT_RU_TASK WHERE ID_ NOT LIKE 'bench%')"},
            new String[] {"ACT_HI_PROCINST", "1 = 1"},
            new String[] {"ACT_HI_TASKINST", "1 = 1"},
            new String[] {"ACT_HI_IDENTITYLINK", "ROOT_PROC_INST_ID_ IS NOT NULL"});
    /** Columns that hold the id of a row of an instance, task or execution: renamed consistently in every copy. */
    private static final Set<String> INSTANCE_IDS = Set.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "EXECUTION_ID_",
            "PARENT_ID_", "SUPER_EXEC_", "SUPER_PROCESS_INSTANCE_ID_", "TASK_ID_", "PARENT_TASK_ID_", "ACT_INST_ID_", "VAR_SCOPE_",
            "RESOURCE_ID_");

    private final DataSource dataSource;

    CaseCopies(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The cases that have a number and are not copies: what one round copies. */
    long originals() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery(
                        "SELECT COUNT(*) FROM applications WHERE id < " + ID_STEP + " AND application_number IS NOT NULL")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Copies every original case once more as round {@code round} (1, 2, …). */
    void copy(int round) throws SQLException {
        long offset = round * ID_STEP;
        String prefix = "'" + MARK + round + "-'";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // The copies refer to each other in an order no single INSERT … SELECT keeps (executions to their parents).
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                List<String> applicationColumns = columns(connection, "applications");
                statement.executeUpdate("INSERT INTO applications (" + String.join(", ", applicationColumns) + ") SELECT "
                        + String.join(", ", applicationColumns.stream().map(column -> switch (column) {
                            case "id" -> "id + " + offset;
                            case "application_number" -> number("application_number", round);
                            case "process_instance_id" -> "CONCAT(" + prefix + ", MD5(process_instance_id))";
                            case "follows_application_id" -> "NULL";
                            default -> column;
                        }).toList())
                        + " FROM applications WHERE id < " + ID_STEP + " AND application_number IS NOT NULL");
                statement.executeUpdate("INSERT INTO case_stages (application_id, stage, entered_at)"
                        + " SELECT application_id + " + offset + ", stage, entered_at FROM case_stages WHERE application_id < " + ID_STEP);
                copyWithNewIds(statement, connection, "audit_events", offset, null);
                copyWithNewIds(statement, connection, "documents", offset, prefix);
                for (String[] table : ENGINE_TABLES) {
                    List<String> columns = columns(connection, table[0]);
                    statement.executeUpdate("INSERT INTO " + table[0] + " (" + String.join(", ", columns) + ") SELECT "
                            + String.join(", ", columns.stream().map(column -> INSTANCE_IDS.contains(column)
                                    ? "CONCAT(" + prefix + ", MD5(" + column + "))"
                                    : column.equals("BUSINESS_KEY_")
                                            ? "CASE WHEN BUSINESS_KEY_ LIKE 'OLA-%' THEN " + number("BUSINESS_KEY_", round)
                                                    + " ELSE BUSINESS_KEY_ END"
                                            : column).toList())
                            + " FROM " + table[0] + " WHERE ID_ NOT LIKE '" + MARK + "%' AND " + table[1]);
                }
            } finally {
                statement.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        }
    }

    /** Fresh statistics, so that the optimizer plans for the tables as they are now. */
    void analyze() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>(List.of("applications", "case_stages", "audit_events", "documents"));
            ENGINE_TABLES.forEach(table -> tables.add(table[0]));
            statement.execute("ANALYZE TABLE " + String.join(", ", tables));
        }
    }

    /** Removes every copy. */
    void remove() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                for (String[] table : ENGINE_TABLES) {
                    statement.executeUpdate("DELETE FROM " + table[0] + " WHERE ID_ LIKE '" + MARK + "%'");
                }
                for (String table : List.of("documents", "audit_events", "case_stages")) {
                    statement.executeUpdate("DELETE FROM " + table + " WHERE application_id >= " + ID_STEP);
                }
                statement.executeUpdate("DELETE FROM applications WHERE id >= " + ID_STEP);
            } finally {
                statement.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        }
    }

    /** The copy's number: OLA-2026-000123 becomes OLA-2101-000123 in round 1. */
    private static String number(String column, int round) {
        return "CONCAT('OLA-', " + (2100 + round) + ", SUBSTRING(" + column + ", 9))";
    }

    /** A table of our own whose rows have an id of their own (given anew) and belong to an application. */
    private static void copyWithNewIds(Statement statement, Connection connection, String table, long offset, String keyPrefix)
            throws SQLException {
        List<String> columns = columns(connection, table).stream().filter(column -> !column.equals("id")).toList();
        statement.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", columns.stream().map(column -> switch (column) {
                    case "application_id" -> "application_id + " + offset;
                    case "storage_key" -> "CONCAT(" + keyPrefix + ", storage_key)";
                    default -> column;
                }).toList())
                + " FROM " + table + " WHERE application_id < " + ID_STEP);
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet result = connection.getMetaData().getColumns(connection.getCatalog(), null, table, null)) {
            while (result.next()) {
                columns.add(result.getString("COLUMN_NAME"));
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("No columns found for " + table);
        }
        return columns;
    }
}
