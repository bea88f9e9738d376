package cn.ola.staff;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.ola.filing.CaseSearch;
import cn.ola.workflow.CaseParticipation;
import cn.ola.workflow.Deadlines;

/**
 * Finds submitted applications for staff: by number, company name or credit code, filtered by
 * status, a current stage and the overdue mark, one page at a time. The cases come from filing's
 * {@link CaseSearch} (a query for the page, a COUNT and the page's stages); the page's deadlines
 * take one more query, over the engine's open tasks of its cases alone.
 */
@Service
class ApplicationSearch {

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

    private final CaseSearch cases;
    private final JdbcClient jdbc;
    private final Deadlines deadlines;

    ApplicationSearch(CaseSearch cases, JdbcClient jdbc, Deadlines deadlines) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    /** The orders the list offers, each by the name the page's address gives it. */
    enum Sort {
        SUBMITTED("submitted", CaseSearch.Order.SUBMITTED),
        NUMBER("number", CaseSearch.Order.NUMBER),
        COMPANY("company", CaseSearch.Order.COMPANY),
        STATUS("status", CaseSearch.Order.STATUS);

        private final String parameter;
        private final CaseSearch.Order order;

        Sort(String parameter, CaseSearch.Order order) {
            this.parameter = parameter;
            this.order = order;
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

        static Hit of(CaseSearch.Row row) {
            return new Hit(row.id(), row.number(), row.companyNameZh(), row.companyNameEn(), row.creditCode(), row.status(),
                    row.stages(), row.overdue(), row.submittedAt(), row.processInstanceId(), null);
        }

        Hit withNextDue(Due due) {
            return new Hit(id, number, companyNameZh, companyNameEn, creditCode, status, stages, overdue, submittedAt,
                    processInstanceId, due);
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
        CaseParticipation.Reader reader = criteria.reader();
        var found = cases.search(new CaseSearch.Criteria(criteria.text(), criteria.status(), criteria.stage(),
                criteria.overdue(), criteria.page(), criteria.size(), criteria.sort().order, criteria.descending(),
                reader.seesEveryCase() ? null : column -> {
                    CaseParticipation.Condition theirs = CaseParticipation.casesOf(reader, column);
                    return new CaseSearch.Condition(theirs.sql(), theirs.parameters());
                }));
        List<Hit> hits = found.rows().stream().map(Hit::of).toList();
        return new Result(withNextDue(hits, reader), found.total(), criteria.page(), criteria.size());
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
}
