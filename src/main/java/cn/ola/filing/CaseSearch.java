package cn.ola.filing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.ola.company.CompanySql;

/**
 * Finds submitted applications: by number, company name or credit code, filtered by status, a
 * current stage and the overdue mark, one page at a time. Each search is one query for the page
 * (LIMIT/OFFSET), one COUNT and one read of the page's stages. With the indexes of
 * {@code V3__staff_search_indexes.sql} a page takes a few milliseconds with 60,000 cases on H2 and
 * MySQL; a substring of a company name (which no index serves) and the order by company read every
 * company once. The company parts of the query come from {@link CompanySql}.
 */
@Service
public class CaseSearch {

    /** What the search box holds decides which column it is matched against, so that each can use its index. */
    private static final Pattern NUMBER_PREFIX = Pattern.compile("OLA-[0-9-]*");
    private static final Pattern NUMBER_WITHOUT_PREFIX = Pattern.compile("\\d{4}-\\d{1,6}");
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    private static final char LIKE_ESCAPE = '!';

    private final JdbcClient jdbc;

    public CaseSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The orders offered. Each ends in columns that make it total (so that pages neither repeat nor
     * skip a case) and, but for the company, follows one of the indexes.
     */
    public enum Order {
        SUBMITTED(List.of("a.submitted_at", "a.id")),
        NUMBER(List.of("a.application_number")),
        COMPANY(concat(CompanySql.NAME_ORDER, List.of("a.submitted_at", "a.id"))),
        STATUS(List.of("a.status", "a.submitted_at", "a.id"));

        private final List<String> columns;

        Order(List<String> columns) {
            this.columns = columns;
        }

        private static List<String> concat(List<String> first, List<String> then) {
            List<String> all = new ArrayList<>(first);
            all.addAll(then);
            return List.copyOf(all);
        }
    }

    /** A condition in SQL with its parameters, in the order of its placeholders. */
    public record Condition(String sql, List<Object> parameters) {
    }

    /**
     * What to look for. {@code processInstances}, when not null, limits the cases to those whose process
     * instance meets the condition it gives for the column it is handed (a reader who sees only the cases
     * it was asked about).
     */
    public record Criteria(String text, String status, String stage, Boolean overdue, int page, int size, Order order,
            boolean descending, Function<String, Condition> processInstances) {
    }

    /** A case found; its stages are those it stands in now, in the order of the process. */
    public record Row(long id, String number, String companyNameZh, String companyNameEn, String creditCode, String status,
            List<String> stages, boolean overdue, Instant submittedAt, String processInstanceId) {

        Row withStages(List<String> current) {
            return new Row(id, number, companyNameZh, companyNameEn, creditCode, status, current, overdue, submittedAt,
                    processInstanceId);
        }
    }

    /** One page of the cases found, and how many were found in all. */
    public record Page(List<Row> rows, long total) {
    }

    public Page search(Criteria criteria) {
        // Company criteria are subqueries on company_id, so that the count needs no join and a selective
        // name finds its few companies first instead of walking every case in date order.
        var where = new StringBuilder(" WHERE a.application_number IS NOT NULL");
        List<Object> params = new ArrayList<>();
        boolean byName = addText(criteria.text(), where, params);
        if (criteria.status() != null) {
            where.append(" AND a.status = ?");
            params.add(criteria.status());
        }
        if (criteria.stage() != null) {
            // A case stands in several stages while its checks run side by side: it is found under each.
            where.append(" AND a.id IN (SELECT s.application_id FROM case_stages s WHERE s.stage = ?)");
            params.add(criteria.stage());
        }
        if (criteria.overdue() != null) {
            where.append(" AND a.overdue = ?");
            params.add(criteria.overdue());
        }
        if (criteria.processInstances() != null) {
            Condition theirs = criteria.processInstances().apply("a.process_instance_id");
            where.append(" AND ").append(theirs.sql());
            params.addAll(theirs.parameters());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM applications a" + where).params(params).query(Long.class).single();

        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(criteria.size());
        pageParams.add((long) criteria.page() * criteria.size());
        List<Row> rows = jdbc.sql(pageQuery(criteria, where.toString(), byName)).params(pageParams)
                .query(CaseSearch::row).list();
        return new Page(withStages(rows), total);
    }

    private List<Row> withStages(List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> stages = new HashMap<>();
        jdbc.sql("SELECT application_id, stage FROM case_stages WHERE application_id IN ("
                        + String.join(", ", rows.stream().map(row -> "?").toList()) + ")")
                .params(rows.stream().map(Row::id).toList())
                .query(row -> {
                    stages.computeIfAbsent(row.getLong("application_id"), id -> new ArrayList<>()).add(row.getString("stage"));
                });
        return rows.stream().map(row -> row.withStages(Stages.inProcessOrder(stages.getOrDefault(row.id(), List.of()))))
                .toList();
    }

    /**
     * The page. Ordered by a column of the case, it is picked from the cases alone along their index
     * and then joined to its 25 companies (H2 will not walk an index across a join). A name search
     * and the company order join first: there the companies decide.
     */
    private static String pageQuery(Criteria criteria, String where, boolean byName) {
        String direction = criteria.descending() ? " DESC" : " ASC";
        String order = String.join(direction + ", ", criteria.order().columns) + direction;
        if (criteria.order() == Order.COMPANY || byName) {
            return "SELECT a.id, a.application_number, a.status, a.overdue, a.submitted_at, a.process_instance_id,"
                    + " " + CompanySql.NAMES + " FROM applications a JOIN " + CompanySql.joined("a.company_id") + where
                    + " ORDER BY " + order + " LIMIT ? OFFSET ?";
        }
        return "SELECT a.id, a.application_number, a.status, a.overdue, a.submitted_at, a.process_instance_id, "
                + CompanySql.NAMES + " FROM (SELECT a.id, a.company_id, a.application_number, a.status,"
                + " a.overdue, a.submitted_at, a.process_instance_id"
                + " FROM applications a" + where + " ORDER BY " + order + " LIMIT ? OFFSET ?) a"
                + " JOIN " + CompanySql.joined("a.company_id") + " ORDER BY " + order;
    }

    /** Adds the search text's condition; true when it searches company names. */
    private static boolean addText(String text, StringBuilder where, List<Object> params) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String term = text.strip();
        String upper = term.toUpperCase(Locale.ROOT);
        if (NUMBER_PREFIX.matcher(upper).matches()) {
            where.append(" AND a.application_number LIKE ? ESCAPE '" + LIKE_ESCAPE + "'");
            params.add(escapeLike(upper) + "%");
        } else if (NUMBER_WITHOUT_PREFIX.matcher(term).matches()) {
            where.append(" AND a.application_number LIKE ? ESCAPE '" + LIKE_ESCAPE + "'");
            params.add("OLA-" + escapeLike(term) + "%");
        } else if (CREDIT_CODE.matcher(upper).matches()) {
            add(CompanySql.withCreditCode("a.company_id", upper), where, params);
        } else {
            // Company names: a substring of the Chinese or the English name, English in any case.
            String pattern = "%" + escapeLike(term.toLowerCase(Locale.ROOT)) + "%";
            add(CompanySql.withNameLike("a.company_id", pattern, LIKE_ESCAPE), where, params);
            return true;
        }
        return false;
    }

    private static void add(CompanySql.Condition condition, StringBuilder where, List<Object> params) {
        where.append(" AND ").append(condition.sql());
        params.addAll(condition.parameters());
    }

    static String escapeLike(String term) {
        var escaped = new StringBuilder(term.length());
        for (char ch : term.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(ch);
        }
        return escaped.toString();
    }

    private static Row row(ResultSet row, int n) throws SQLException {
        Timestamp submitted = row.getTimestamp("submitted_at");
        CompanySql.Names company = CompanySql.names(row);
        return new Row(row.getLong("id"), row.getString("application_number"), company.nameZh(), company.nameEn(),
                company.creditCode(), row.getString("status"), List.of(), row.getBoolean("overdue"),
                submitted == null ? null : submitted.toInstant(), row.getString("process_instance_id"));
    }
}
