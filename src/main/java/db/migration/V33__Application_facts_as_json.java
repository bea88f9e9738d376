package db.migration;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The facts of an application move from a column each into one JSON document ({@code applications.facts}),
 * so that a new question of the form needs no column: drafts and cases filed before keep every answer,
 * under the name the form, the API and the process variables give it. Status, number, dates, overdue
 * flag and version stay columns: search, the dashboard and the work queue read them with SQL; no SQL
 * reads a fact. Written in Java because H2 and MySQL build JSON with different functions; the columns
 * and names are spelled out here, as they were at this version, so that later questions do not change
 * what this migration does.
 */
public class V33__Application_facts_as_json extends BaseJavaMigration {

    private enum Type { TEXT, YES_NO, WHOLE, DECIMAL, DATE }

    private record Column(String column, String name, Type type) {
    }

    private static final List<Column> FACT_COLUMNS = List.of(
            new Column("listing_type", "listingType", Type.TEXT),
            new Column("issuer_type", "issuerType", Type.TEXT),
            new Column("offshore_issuer", "offshoreIssuer", Type.TEXT),
            new Column("venue_exchange", "venueExchange", Type.TEXT),
            new Column("venue_exchange_name", "venueExchangeName", Type.TEXT),
            new Column("venue_region", "venueRegion", Type.TEXT),
            new Column("offering_type", "offeringType", Type.TEXT),
            new Column("planned_listing_date", "plannedListingDate", Type.DATE),
            new Column("overseas_submission_date", "overseasSubmissionDate", Type.DATE),
            new Column("network_platform_operator", "networkPlatformOperator", Type.YES_NO),
            new Column("ciio", "ciio", Type.YES_NO),
            new Column("important_data", "importantData", Type.YES_NO),
            new Column("personal_info_users", "personalInfoUsers", Type.WHOLE),
            new Column("pi_exported_non_sensitive", "piExportedNonSensitive", Type.WHOLE),
            new Column("pi_exported_sensitive", "piExportedSensitive", Type.WHOLE),
            new Column("consent_obtained", "consentObtained", Type.YES_NO),
            new Column("sensitive_data_minimised", "sensitiveDataMinimised", Type.YES_NO),
            new Column("industry", "industry", Type.TEXT),
            new Column("domestic_revenue_pct", "domesticRevenuePct", Type.DECIMAL),
            new Column("domestic_profit_pct", "domesticProfitPct", Type.DECIMAL),
            new Column("domestic_assets_pct", "domesticAssetsPct", Type.DECIMAL),
            new Column("domestic_net_assets_pct", "domesticNetAssetsPct", Type.DECIMAL),
            new Column("management_mostly_prc", "managementMostlyPrc", Type.YES_NO),
            new Column("main_place_of_business", "mainPlaceOfBusiness", Type.TEXT),
            new Column("previously_listed_abroad_on", "previouslyListedAbroadOn", Type.DATE),
            new Column("previously_listed_exchange", "previouslyListedExchange", Type.TEXT),
            new Column("decl_prohibited_by_law", "declProhibitedByLaw", Type.YES_NO),
            new Column("decl_national_security_threat", "declNationalSecurityThreat", Type.YES_NO),
            new Column("decl_recent_criminal_offence", "declRecentCriminalOffence", Type.YES_NO),
            new Column("decl_under_investigation", "declUnderInvestigation", Type.YES_NO),
            new Column("decl_ownership_dispute", "declOwnershipDispute", Type.YES_NO),
            new Column("state_assets_supervisor", "stateAssetsSupervisor", Type.TEXT),
            new Column("state_cloud_migration_status", "stateCloudMigrationStatus", Type.TEXT));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean h2 = connection.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT).contains("H2");
        try (Statement statement = connection.createStatement()) {
            // MySQL checks the document (MariaDB: a LONGTEXT with a JSON_VALID check); H2 keeps the text.
            statement.execute("ALTER TABLE applications ADD COLUMN facts " + (h2 ? "CHARACTER LARGE OBJECT" : "JSON"));
        }
        carryOver(connection);
        try (Statement statement = connection.createStatement()) {
            for (Column column : FACT_COLUMNS) {
                statement.execute("ALTER TABLE applications DROP COLUMN " + column.column());
            }
        }
    }

    private static void carryOver(Connection connection) throws SQLException, JsonProcessingException {
        StringBuilder select = new StringBuilder("SELECT id");
        FACT_COLUMNS.forEach(column -> select.append(", ").append(column.column()));
        select.append(" FROM applications");
        try (Statement read = connection.createStatement();
                ResultSet rows = read.executeQuery(select.toString());
                PreparedStatement write = connection.prepareStatement("UPDATE applications SET facts = ? WHERE id = ?")) {
            int pending = 0;
            while (rows.next()) {
                write.setString(1, JSON.writeValueAsString(document(rows)));
                write.setLong(2, rows.getLong("id"));
                write.addBatch();
                if (++pending == 500) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }

    private static ObjectNode document(ResultSet row) throws SQLException {
        ObjectNode facts = JSON.createObjectNode();
        for (Column column : FACT_COLUMNS) {
            switch (column.type()) {
                case TEXT -> {
                    String text = row.getString(column.column());
                    if (text != null) {
                        facts.put(column.name(), text);
                    }
                }
                case YES_NO -> {
                    boolean yes = row.getBoolean(column.column());
                    if (!row.wasNull()) {
                        facts.put(column.name(), yes);
                    }
                }
                case WHOLE -> {
                    long number = row.getLong(column.column());
                    if (!row.wasNull()) {
                        facts.put(column.name(), number);
                    }
                }
                case DECIMAL -> {
                    BigDecimal number = row.getBigDecimal(column.column());
                    if (number != null) {
                        facts.put(column.name(), number);
                    }
                }
                case DATE -> {
                    Date day = row.getDate(column.column());
                    if (day != null) {
                        facts.put(column.name(), day.toLocalDate().toString());
                    }
                }
            }
        }
        return facts;
    }
}
