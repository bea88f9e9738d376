package cn.ola.company;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The pieces of SQL through which a query kept by another module joins or filters by the companies
 * table, for the reads that must stay one statement: the staff search pages and orders cases by their
 * company's name, which no list of ids could do at tens of thousands of cases. The table's layout is
 * known here alone; a caller names only its own column that holds a company's id, and reads the
 * joined company's names through {@link #names}.
 */
public final class CompanySql {

    /** The columns a joined query selects from the company, which it joins as {@code c}. */
    public static final String NAMES = "c.name_zh, c.name_en, c.credit_code";
    /** Ordered by the company: its Chinese name (indexed), made total by its id. */
    public static final List<String> NAME_ORDER = List.of("c.name_zh", "c.id");

    private CompanySql() {
    }

    /** A condition in SQL with its parameters, in the order of its placeholders. */
    public record Condition(String sql, List<Object> parameters) {
    }

    /** The names and credit code of a joined company, selected with {@link #NAMES}. */
    public record Names(String nameZh, String nameEn, String creditCode) {
    }

    /** What follows JOIN to join the company of each row as {@code c}. */
    public static String joined(String companyIdColumn) {
        return "companies c ON c.id = " + companyIdColumn;
    }

    /** Rows whose company has this credit code (the unique index finds it). */
    public static Condition withCreditCode(String companyIdColumn, String creditCode) {
        return new Condition(companyIdColumn + " IN (SELECT cc.id FROM companies cc WHERE cc.credit_code = ?)",
                List.of(creditCode));
    }

    /**
     * Rows whose company's Chinese or English name, in lower case, is LIKE {@code pattern}; the caller
     * escapes the pattern's wildcards with {@code escape}.
     */
    public static Condition withNameLike(String companyIdColumn, String pattern, char escape) {
        return new Condition(companyIdColumn + " IN (SELECT cn.id FROM companies cn WHERE LOWER(cn.name_zh) LIKE ? ESCAPE '"
                + escape + "' OR LOWER(cn.name_en) LIKE ? ESCAPE '" + escape + "')", List.of(pattern, pattern));
    }

    public static Names names(ResultSet row) throws SQLException {
        return new Names(row.getString("name_zh"), row.getString("name_en"), row.getString("credit_code"));
    }
}
