package cn.ola.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.ola.filing.Stages;
import cn.ola.workflow.CaseParticipation;
import cn.ola.workflow.Deadlines;

/**
 * Finds submitted applications for staff: by number, company name or credit code, filtered by
 * status, a current stage and the overdue mark, one page at a time. Each search is one query for the
 * page (LIMIT/OFFSET) and one COUNT. With the indexes of {@code V3__staff_search_indexes.sql}
 * a page takes a few milliseconds with 60,000 cases on H2 and MySQL; a substring of a company
 * name (which no index serves) and the order by company read every company once. The page's
 * deadlines take a third query, over the open tasks of its cases alone.
 */
@Service
class ApplicationSearch {

    /** What the search box holds decides which column it is matched against, so that each can use its index. */
    private static final Pattern NUMBER_PREFIX = Pattern.compile("OLA-[0-9-]*");
    private static final Pattern NUMBER_WITHOUT_PREFIX = Pattern.compile("\\d{4}-\\d{1,6}");
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    private static final char LIKE_ESCAPE = '!';

    /**
     * The next due date of each case's open tasks, over every process of the case (its root process
     * instance): the deadline that runs now, the regulator's or, while it supplies materials, the
     * company's. A reader who sees only the cases it was asked about sees only its own tasks' due dates.
     */
    private static final String NEXT_DUE = "SELECT e.ROOT_PROC_INST_ID_ AS root_id, MIN(t.DUE_DATE_) AS due"
            + " FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_"
            + " WHERE t.DUE_DATE_ IS NOT NULL AND e.ROOT_PROC_INST_ID_ IN (%s)%s GROUP BY e.ROOT_PROC_INST_ID_";
    private static final String OWN_TASKS = " AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK il WHERE il.TASK_ID_ = t.ID_"
            + " AND il.TYPE_ = 'candidate' AND il.GROUP_ID_ IN (%s))";

    private final JdbcClient jdbc;
    private final Deadlines deadlines;

    ApplicationSearch(JdbcClient jdbc, Deadlines deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    /**
     * The orders the list offers. Each ends in columns that make it total (so that pages neither
     * repeat nor skip a case) and, but for the company, follows one of the indexes.
     */
    enum Sort {
        SUBMITTED("submitted", "a.submitted_at", "a.id"),
        NUMBER("number", "a.application_number"),
        COMPANY("company", "c.name_zh", "c.id", "a.submitted_at", "a.id"),
        STATUS("status", "a.status", "a.submitted_at", "a.id");

        private final String parameter;
        private final List<String> columns;

        Sort(String parameter, String... columns) {
            this.parameter = parameter;
            this.columns = List.of(columns);
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

    /** What to look for, and who looks: a member agency or industry regulator finds only the cases it was asked about. */
    record Criteria(String text, String status, String stage, Boolean overdue, int page, int size, Sort sort,
            boolean descending, CaseParticipation.Reader reader) {
    }

    /** A case found; its stages are those it stands in now, in the order of the process. */
    record Hit(long id, String number, String companyNameZh, String companyNameEn, String creditCode, String status,
            List<String> stages, boolean overdue, Instant submittedAt, String processInstanceId, Due nextDue) {

        public ZonedDateTime submittedInBeijing() {
            return submittedAt == null ? null : submittedAt.atZone(Deadlines.BEIJING);
        }

        Hit withNextDue(Due due) {
            return new Hit(id, number, companyNameZh, companyNameEn, creditCode, status, stages, overdue, submittedAt,
                    processInstanceId, due);
        }

        Hit withStages(List<String> current) {
            return new Hit(id, number, companyNameZh, companyNameEn, creditCode, status, current, overdue, submittedAt,
                    processInstanceId, nextDue);
        }
    }

    /** When a case's next open task is due, Beijing time, and the working days left until then (negative once passed). */
    record Due(ZonedDateTime at, int workingDaysLeft) {
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
        if (!criteria.reader().seesEveryCase()) {
            CaseParticipation.Condition theirs = CaseParticipation.casesOf(criteria.reader(), "a.process_instance_id");
            where.append(" AND ").append(theirs.sql());
            params.addAll(theirs.parameters());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM applications a" + where).params(params).query(Long.class).single();

        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(criteria.size());
        pageParams.add((long) criteria.page() * criteria.size());
        List<Hit> hits = jdbc.sql(pageQuery(criteria, where.toString(), byName)).params(pageParams)
                .query(ApplicationSearch::hit).list();
        return new Result(withNextDue(withStages(hits), criteria.reader()), total, criteria.page(), criteria.size());
    }

    private List<Hit> withStages(List<Hit> hits) {
        if (hits.isEmpty()) {
            return hits;
        }
        Map<Long, List<String>> stages = new HashMap<>();
        jdbc.sql("SELECT application_id, stage FROM case_stages WHERE application_id IN ("
                        + String.join(", ", hits.stream().map(hit -> "?").toList()) + ")")
                .params(hits.stream().map(Hit::id).toList())
                .query(row -> {
                    stages.computeIfAbsent(row.getLong("application_id"), id -> new ArrayList<>()).add(row.getString("stage"));
                });
        return hits.stream().map(hit -> hit.withStages(Stages.inProcessOrder(stages.getOrDefault(hit.id(), List.of()))))
                .toList();
    }

    private List<Hit> withNextDue(List<Hit> hits, CaseParticipation.Reader reader) {
        List<Object> params = new ArrayList<>();
        hits.stream().map(Hit::processInstanceId).filter(id -> id != null).forEach(params::add);
        if (params.isEmpty() || (!reader.seesEveryCase() && reader.groups().isEmpty())) {
            return hits;
        }
        String roots = String.join(", ", params.stream().map(id -> "?").toList());
        String own = "";
        if (!reader.seesEveryCase()) {
            own = OWN_TASKS.formatted(String.join(", ", reader.groups().stream().map(group -> "?").toList()));
            params.addAll(reader.groups());
        }
        Map<String, Date> due = new HashMap<>();
        jdbc.sql(NEXT_DUE.formatted(roots, own)).params(params)
                .query(row -> {
                    due.put(row.getString("root_id"), row.getTimestamp("due"));
                });
        return hits.stream().map(hit -> {
            Date next = due.get(hit.processInstanceId());
            return next == null ? hit
                    : hit.withNextDue(new Due(next.toInstant().atZone(Deadlines.BEIJING), deadlines.workingDaysLeft(next)));
        }).toList();
    }

    /**
     * The page. Ordered by a column of the case, it is picked from the cases alone along their index
     * and then joined to its 25 companies (H2 will not walk an index across a join). A name search
     * and the company order join first: there the companies decide.
     */
    private static String pageQuery(Criteria criteria, String where, boolean byName) {
        String direction = criteria.descending() ? " DESC" : " ASC";
        String order = String.join(direction + ", ", criteria.sort().columns) + direction;
        if (criteria.sort() == Sort.COMPANY || byName) {
            return "SELECT a.id, a.application_number, a.status, a.overdue, a.submitted_at, a.process_instance_id,"
                    + " c.name_zh, c.name_en, c.credit_code FROM applications a JOIN companies c ON c.id = a.company_id" + where
                    + " ORDER BY " + order + " LIMIT ? OFFSET ?";
        }
        return "SELECT a.id, a.application_number, a.status, a.overdue, a.submitted_at, a.process_instance_id, c.name_zh,"
                + " c.name_en, c.credit_code FROM (SELECT a.id, a.company_id, a.application_number, a.status,"
                + " a.overdue, a.submitted_at, a.process_instance_id"
                + " FROM applications a" + where + " ORDER BY " + order + " LIMIT ? OFFSET ?) a"
                + " JOIN companies c ON c.id = a.company_id ORDER BY " + order;
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
            where.append(" AND a.company_id IN (SELECT cc.id FROM companies cc WHERE cc.credit_code = ?)");
            params.add(upper);
        } else {
            // Company names: a substring of the Chinese or the English name, English in any case.
            String pattern = "%" + escapeLike(term.toLowerCase(Locale.ROOT)) + "%";
            where.append(" AND a.company_id IN (SELECT cn.id FROM companies cn WHERE LOWER(cn.name_zh) LIKE ? ESCAPE '"
                    + LIKE_ESCAPE + "' OR LOWER(cn.name_en) LIKE ? ESCAPE '" + LIKE_ESCAPE + "')");
            params.add(pattern);
            params.add(pattern);
            return true;
        }
        return false;
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
        return new Hit(row.getLong("id"), row.getString("application_number"), row.getString("name_zh"),
                row.getString("name_en"), row.getString("credit_code"), row.getString("status"), List.of(),
                row.getBoolean("overdue"),
                submitted == null ? null : submitted.toInstant(), row.getString("process_instance_id"), null);
    }
}
