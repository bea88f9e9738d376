package cn.ola.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.ola.workflow.Deadlines;

/**
 * Finds submitted applications for staff: by number, company name or credit code, filtered by
 * status, stage and the overdue mark, one page at a time. Each search is one query for the
 * page (LIMIT/OFFSET) and one COUNT; the indexes of {@code V3__staff_search_indexes.sql} carry
 * every filter and sort order, so the lists stay fast with tens of thousands of cases.
 */
@Service
class ApplicationSearch {

    /** What the search box holds decides which column it is matched against, so that each can use its index. */
    private static final Pattern NUMBER_PREFIX = Pattern.compile("OLA-[0-9-]*");
    private static final Pattern NUMBER_WITHOUT_PREFIX = Pattern.compile("\\d{4}-\\d{1,6}");
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    private static final char LIKE_ESCAPE = '!';

    private final JdbcClient jdbc;

    ApplicationSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    enum Sort {
        SUBMITTED("submitted", "a.submitted_at"),
        NUMBER("number", "a.application_number"),
        COMPANY("company", "c.name_zh"),
        STATUS("status", "a.status");

        private final String parameter;
        private final String column;

        Sort(String parameter, String column) {
            this.parameter = parameter;
            this.column = column;
        }

        String parameter() {
            return parameter;
        }

        static Sort byParameter(String name) {
            for (Sort sort : values()) {
                if (sort.parameter.equals(name)) {
                    return sort;
                }
            }
            return null;
        }
    }

    record Criteria(String text, String status, String stage, Boolean overdue, int page, int size, Sort sort,
            boolean descending) {
    }

    record Hit(String number, String companyNameZh, String companyNameEn, String creditCode, String status, String stage,
            boolean overdue, Instant submittedAt) {

        public ZonedDateTime submittedInBeijing() {
            return submittedAt == null ? null : submittedAt.atZone(Deadlines.BEIJING);
        }
    }

    record Result(List<Hit> hits, long total, int page, int size) {

        public int pages() {
            return (int) ((total + size - 1) / size);
        }

        public long firstRow() {
            return hits.isEmpty() ? 0 : (long) page * size + 1;
        }

        public long lastRow() {
            return (long) page * size + hits.size();
        }
    }

    Result search(Criteria criteria) {
        var where = new StringBuilder(" FROM applications a JOIN companies c ON c.id = a.company_id"
                + " WHERE a.application_number IS NOT NULL");
        List<Object> params = new ArrayList<>();
        addText(criteria.text(), where, params);
        if (criteria.status() != null) {
            where.append(" AND a.status = ?");
            params.add(criteria.status());
        }
        if (criteria.stage() != null) {
            where.append(" AND a.stage = ?");
            params.add(criteria.stage());
        }
        if (criteria.overdue() != null) {
            where.append(" AND a.overdue = ?");
            params.add(criteria.overdue());
        }
        long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();

        String direction = criteria.descending() ? " DESC" : " ASC";
        String sql = "SELECT a.application_number, a.status, a.stage, a.overdue, a.submitted_at, c.name_zh, c.name_en,"
                + " c.credit_code" + where + " ORDER BY " + criteria.sort().column + direction + ", a.id" + direction
                + " LIMIT ? OFFSET ?";
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(criteria.size());
        pageParams.add((long) criteria.page() * criteria.size());
        List<Hit> hits = jdbc.sql(sql).params(pageParams).query(ApplicationSearch::hit).list();
        return new Result(hits, total, criteria.page(), criteria.size());
    }

    private static void addText(String text, StringBuilder where, List<Object> params) {
        if (text == null || text.isBlank()) {
            return;
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
            where.append(" AND c.credit_code = ?");
            params.add(upper);
        } else {
            // Company names: a substring of the Chinese or the English name, English in any case.
            String pattern = "%" + escapeLike(term.toLowerCase(Locale.ROOT)) + "%";
            where.append(" AND (LOWER(c.name_zh) LIKE ? ESCAPE '" + LIKE_ESCAPE + "' OR LOWER(c.name_en) LIKE ? ESCAPE '"
                    + LIKE_ESCAPE + "')");
            params.add(pattern);
            params.add(pattern);
        }
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

    private static Hit hit(ResultSet row, int n) throws SQLException {
        Timestamp submitted = row.getTimestamp("submitted_at");
        return new Hit(row.getString("application_number"), row.getString("name_zh"), row.getString("name_en"),
                row.getString("credit_code"), row.getString("status"), row.getString("stage"), row.getBoolean("overdue"),
                submitted == null ? null : submitted.toInstant());
    }
}
