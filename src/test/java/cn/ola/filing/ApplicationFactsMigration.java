package cn.ola.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

import cn.ola.filing.ListingApplications.CloudContract;

/**
 * V33 on a database with applications filed before it: a draft and a submitted case written as version 31
 * kept them (a column per fact), read back after the migration through {@link ListingApplications} with every
 * answer, unanswered ones still unanswered, and the columns search and the dashboard read as they were.
 * Run on H2 ({@code ApplicationFactsMigrationTest}) and on MySQL ({@code ApplicationFactsMigrationMySqlIT}).
 */
final class ApplicationFactsMigration {

    private static final Instant NOW = Instant.parse("2026-03-05T02:00:00Z");

    private ApplicationFactsMigration() {
    }

    static void carriesDraftsAndCasesOver(DataSource dataSource) {
        flyway(dataSource).target("31").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Timestamp now = Timestamp.from(NOW);
        jdbc.sql("""
                INSERT INTO companies (id, credit_code, name_zh, contact_person, contact_email, contact_phone, camunda_group_id, created_at)
                VALUES (1, '91110000MA01ABCD2Q', '示例数据科技股份有限公司', '李华', 'a@example.cn', '1', 'company-91110000MA01ABCD2Q', ?)""")
                .param(now).update();
        // A draft half filled in: a declaration answered yes, another no, the rest not yet.
        jdbc.sql("""
                INSERT INTO applications (id, company_id, status, offshore_issuer, venue_exchange, venue_region,
                    personal_info_users, domestic_revenue_pct, decl_ownership_dispute, decl_prohibited_by_law,
                    created_at, updated_at, version)
                VALUES (10, 1, 'DRAFT', '迁移控股有限公司 (Cayman)', 'NYSE', 'US', 3200000, 92.50, TRUE, FALSE, ?, ?, 4)""")
                .params(now, now).update();
        // A case under way: every fact, an exchange not on the list, an earlier listing, a state-owned company.
        jdbc.sql("""
                INSERT INTO applications (id, application_number, company_id, status, overdue, process_instance_id,
                    listing_type, issuer_type, offshore_issuer, venue_exchange, venue_exchange_name, venue_region,
                    offering_type, planned_listing_date, overseas_submission_date, network_platform_operator, ciio,
                    important_data, personal_info_users, pi_exported_non_sensitive, pi_exported_sensitive,
                    consent_obtained, sensitive_data_minimised, industry, domestic_revenue_pct, domestic_profit_pct,
                    domestic_assets_pct, domestic_net_assets_pct, management_mostly_prc, main_place_of_business,
                    previously_listed_abroad_on, previously_listed_exchange, decl_prohibited_by_law,
                    decl_national_security_threat, decl_recent_criminal_offence, decl_under_investigation,
                    decl_ownership_dispute, state_assets_supervisor, state_cloud_migration_status,
                    submitted_at, created_at, updated_at, version)
                VALUES (11, 'OLA-2026-000042', 1, 'IN_REVIEW', TRUE, 'pi-42', 'INDIRECT', 'OFFSHORE', 'Example Data Holdings Ltd.',
                    'OTHER', 'Euronext Brussels', 'BE', 'IPO', ?, ?, TRUE, FALSE, FALSE, 1000001, 150000, 0, TRUE, TRUE,
                    'TOBACCO', 92.50, 88.00, 75.25, 70.00, TRUE, 'CN', ?, 'NASDAQ', FALSE, FALSE, FALSE, FALSE, FALSE,
                    '上海市国资委', 'IN_PROGRESS', ?, ?, ?, 7)""")
                .params(Date.valueOf("2026-09-01"), Date.valueOf("2026-03-02"), Date.valueOf("2020-06-30"), now, now, now)
                .update();
        jdbc.sql("INSERT INTO cloud_contracts (application_id, provider, contract_end_date) VALUES (11, 'Example Cloud', ?)")
                .param(Date.valueOf("2026-12-31")).update();
        jdbc.sql("INSERT INTO case_stages (application_id, stage, entered_at) VALUES (11, 'CYBERSECURITY_REVIEW', ?)")
                .param(now).update();

        flyway(dataSource).load().migrate();

        ListingApplications applications = new ListingApplications(jdbc, Clock.fixed(NOW, ZoneOffset.UTC),
                new JdbcTransactionManager(dataSource));
        ListingApplication draft = applications.find(10).orElseThrow();
        assertThat(draft.submitted()).isFalse();
        assertThat(draft.status()).isEqualTo("DRAFT");
        assertThat(draft.version()).isEqualTo(4);
        assertThat(draft.facts()).isEqualTo(ApplicationFacts.NONE
                .with(ListingFacts.OFFSHORE_ISSUER, "迁移控股有限公司 (Cayman)")
                .with(ListingFacts.VENUE_EXCHANGE, "NYSE")
                .with(ListingFacts.VENUE_REGION, "US")
                .with(DataFacts.PERSONAL_INFO_USERS, 3_200_000L)
                .with(BusinessFacts.DOMESTIC_REVENUE_PCT, new BigDecimal("92.50"))
                .with(Declarations.OWNERSHIP_DISPUTE, true)
                .with(Declarations.PROHIBITED_BY_LAW, false));
        assertThat(draft.facts().get(Declarations.UNDER_INVESTIGATION)).as("not answered before, not answered now").isNull();

        ListingApplication filed = applications.find(ApplicationNumber.parse("OLA-2026-000042")).orElseThrow();
        assertThat(filed.id()).isEqualTo(11);
        assertThat(filed.status()).isEqualTo("IN_REVIEW");
        assertThat(filed.overdue()).isTrue();
        assertThat(filed.stages()).containsExactly("CYBERSECURITY_REVIEW");
        assertThat(filed.submittedAt()).isEqualTo(NOW);
        assertThat(filed.version()).isEqualTo(7);
        assertThat(applications.processInstanceId(11)).contains("pi-42");
        assertThat(filed.facts()).isEqualTo(ApplicationFacts.NONE
                .with(ListingFacts.LISTING_TYPE, "INDIRECT")
                .with(ListingFacts.ISSUER_TYPE, "OFFSHORE")
                .with(ListingFacts.OFFSHORE_ISSUER, "Example Data Holdings Ltd.")
                .with(ListingFacts.VENUE_EXCHANGE, "OTHER")
                .with(ListingFacts.VENUE_EXCHANGE_NAME, "Euronext Brussels")
                .with(ListingFacts.VENUE_REGION, "BE")
                .with(ListingFacts.OFFERING_TYPE, "IPO")
                .with(ListingFacts.PLANNED_LISTING_DATE, LocalDate.of(2026, 9, 1))
                .with(ListingFacts.OVERSEAS_SUBMISSION_DATE, LocalDate.of(2026, 3, 2))
                .with(DataFacts.NETWORK_PLATFORM_OPERATOR, true)
                .with(DataFacts.CIIO, false)
                .with(DataFacts.IMPORTANT_DATA, false)
                .with(DataFacts.PERSONAL_INFO_USERS, 1_000_001L)
                .with(DataFacts.PI_EXPORTED_NON_SENSITIVE, 150_000L)
                .with(DataFacts.PI_EXPORTED_SENSITIVE, 0L)
                .with(DataFacts.CONSENT_OBTAINED, true)
                .with(DataFacts.SENSITIVE_DATA_MINIMISED, true)
                .with(BusinessFacts.INDUSTRY, "TOBACCO")
                .with(BusinessFacts.DOMESTIC_REVENUE_PCT, new BigDecimal("92.50"))
                .with(BusinessFacts.DOMESTIC_PROFIT_PCT, new BigDecimal("88.00"))
                .with(BusinessFacts.DOMESTIC_ASSETS_PCT, new BigDecimal("75.25"))
                .with(BusinessFacts.DOMESTIC_NET_ASSETS_PCT, new BigDecimal("70.00"))
                .with(BusinessFacts.MANAGEMENT_MOSTLY_PRC, true)
                .with(BusinessFacts.MAIN_PLACE_OF_BUSINESS, "CN")
                .with(BusinessFacts.PREVIOUSLY_LISTED_ABROAD_ON, LocalDate.of(2020, 6, 30))
                .with(BusinessFacts.PREVIOUSLY_LISTED_EXCHANGE, "NASDAQ")
                .with(Declarations.PROHIBITED_BY_LAW, false)
                .with(Declarations.NATIONAL_SECURITY_THREAT, false)
                .with(Declarations.RECENT_CRIMINAL_OFFENCE, false)
                .with(Declarations.UNDER_INVESTIGATION, false)
                .with(Declarations.OWNERSHIP_DISPUTE, false)
                .with(StateAssets.STATE_ASSETS_SUPERVISOR, "上海市国资委")
                .with(StateAssets.STATE_CLOUD_MIGRATION_STATUS, "IN_PROGRESS"));
        assertThat(applications.cloudContracts(11)).containsExactly(new CloudContract("Example Cloud", LocalDate.of(2026, 12, 31)));

        // The draft goes on being edited where it was left.
        ApplicationFacts answered = draft.facts().with(Declarations.UNDER_INVESTIGATION, false);
        assertThat(applications.updateDraft(10, 4, answered, List.of())).isTrue();
        assertThat(applications.find(10).orElseThrow().facts()).isEqualTo(answered);
        assertThat(applications.ofCompany(1)).extracting(ListingApplication::id).containsExactlyInAnyOrder(10L, 11L);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).table("ola_schema_history");
    }
}
