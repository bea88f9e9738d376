package cn.ola.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every table of ours is read and written by one module, its owner; the other modules ask the owner.
 * ArchUnit cannot read SQL, so this test reads the main sources: a table may be named in the SQL of
 * its owner's classes only. {@link ModuleBoundariesTest} keeps the other half: only the classes it
 * names reach the database at all.
 */
class TableOwnersTest {

    /** Created and dropped by one migration; no code of ours may name it. */
    static final String MIGRATIONS_ONLY = "(migrations only)";

    /** Each table created in {@code db/migration}, with the module (top-level package under cn.ola) that owns it. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("applications", "filing"),
            Map.entry("case_stages", "filing"),
            Map.entry("cloud_contracts", "filing"),
            Map.entry("application_number_counters", "filing"),
            Map.entry("documents", "filing"),
            Map.entry("document_content", "filing"),
            Map.entry("audit_events", "audit"),
            Map.entry("companies", "company"),
            Map.entry("work_queue", "staff"),
            Map.entry("notifications", "notification"),
            Map.entry("api_idempotency_keys", "api"),
            Map.entry("sign_in_failures", "security"),
            // Spring Session's own statements; our configuration of them is in security
            Map.entry("spring_session", "security"),
            Map.entry("spring_session_attributes", "security"),
            Map.entry("material_events", "events"),
            Map.entry("subsequent_offerings", "events"),
            Map.entry("exchange_spellings", MIGRATIONS_ONLY));

    private static final Path MAIN_JAVA = Path.of("src/main/java");
    private static final Path MAIN_RESOURCES = Path.of("src/main/resources");
    private static final Path MIGRATIONS = MAIN_RESOURCES.resolve("db/migration");
    private static final Path JAVA_MIGRATIONS = Path.of("db/migration");

    /** A table named after the SQL words that name one (DELETE FROM, MERGE INTO, ALTER TABLE included). */
    private static final Pattern TABLE_IN_SQL = Pattern.compile(
            "\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?[`\"]?([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z_]+)",
            Pattern.CASE_INSENSITIVE);

    /** A table named in SQL by a class (or an SQL file) of a module. */
    record Use(String source, String module, String table) {
    }

    @Test
    void everyTableOfTheMigrationsHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> scripts = Files.list(MIGRATIONS)) {
            for (Path script : scripts.filter(path -> path.toString().endsWith(".sql")).toList()) {
                Matcher table = CREATE_TABLE.matcher(Files.readString(script));
                while (table.find()) {
                    created.add(table.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(created).as("tables created in db/migration").isNotEmpty();
        assertThat(OWNERS.keySet()).as("tables with an owner in TableOwnersTest.OWNERS: give each new table one")
                .containsAll(created);
    }

    @Test
    void eachTableIsNamedInSqlOnlyByItsOwner() throws IOException {
        List<String> strangers = new ArrayList<>();
        for (Use use : usesInMainSources()) {
            String owner = OWNERS.get(use.table());
            if (owner != null && !owner.equals(use.module())) {
                strangers.add(use.source() + " names table " + use.table() + " in SQL, but " + owner
                        + " owns it: ask " + owner + " for what is needed (or make " + use.module() + " its owner)");
            }
        }
        assertThat(strangers).as("SQL on a table outside its owner module").isEmpty();
    }

    /** The scan finds SQL as we write it, or the test above would pass on anything. */
    @Test
    void theScanFindsTheTablesOfOurSql() throws IOException {
        Set<String> found = new TreeSet<>();
        usesInMainSources().forEach(use -> found.add(use.table()));
        assertThat(found).contains("applications", "case_stages", "companies", "audit_events", "documents", "work_queue");

        String stranger = """
                package cn.ola.staff;
                // SELECT * FROM companies: a comment is no SQL
                class Stranger {
                    String quote = "\\"";
                    String count = "SELECT COUNT(*) FROM applications WHERE status = 'FILED'";
                    String page = \"""
                            SELECT a.id FROM audit_events e
                            JOIN documents d ON d.application_id = e.application_id\""";
                    String split = "DELETE FROM " + "case_stages";
                    String own = "UPDATE work_queue SET done = TRUE";
                }
                """;
        assertThat(usesIn("Stranger", "staff", stranger)).extracting(Use::table)
                .containsExactly("applications", "audit_events", "documents", "case_stages", "work_queue");
    }

    static List<Use> usesInMainSources() throws IOException {
        List<Use> uses = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(MAIN_JAVA)) {
            // Migrations written in Java (db.migration, beside the SQL ones) change tables as the SQL migrations do.
            for (Path source : sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !MAIN_JAVA.relativize(path).startsWith(JAVA_MIGRATIONS)).sorted().toList()) {
                Path relative = MAIN_JAVA.relativize(source);
                String className = relative.toString().replace(".java", "").replace(source.getFileSystem().getSeparator(), ".");
                uses.addAll(usesIn(className, moduleOf(relative), Files.readString(source)));
            }
        }
        // SQL kept in files, outside the migrations: the folder it lies in stands for its module.
        try (Stream<Path> resources = Files.walk(MAIN_RESOURCES)) {
            for (Path script : resources.filter(path -> path.toString().endsWith(".sql") && !path.startsWith(MIGRATIONS))
                    .sorted().toList()) {
                Path relative = MAIN_RESOURCES.relativize(script);
                String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
                Matcher table = TABLE_IN_SQL.matcher(Files.readString(script));
                while (table.find()) {
                    uses.add(new Use(relative.toString(), module, table.group(1).toLowerCase(Locale.ROOT)));
                }
            }
        }
        return uses;
    }

    /** The module of a source under src/main/java: the package right below cn.ola ("" for cn.ola itself). */
    private static String moduleOf(Path relative) {
        return relative.getNameCount() > 3 ? relative.getName(2).toString() : "";
    }

    /** The tables named in the string literals of a Java source; literals joined by {@code +} count as one. */
    static List<Use> usesIn(String className, String module, String source) {
        List<Use> uses = new ArrayList<>();
        for (String literal : stringLiterals(source)) {
            Matcher table = TABLE_IN_SQL.matcher(literal);
            while (table.find()) {
                uses.add(new Use(className, module, table.group(1).toLowerCase(Locale.ROOT)));
            }
        }
        return uses;
    }

    /**
     * The string literals and text blocks of a Java source, in order, comments left out. A literal
     * followed by {@code +} and another literal is joined to it, so that SQL split over two literals
     * still reads as one.
     */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int lastEnd = -1;
        int i = 0;
        while (i < source.length()) {
            char ch = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = endOfLine(source, i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (ch == '\'') {
                i = skipQuoted(source, i + 1, '\'');
            } else if (source.startsWith("\"\"\"", i)) {
                int start = endOfLine(source, i + 3);
                int end = source.indexOf("\"\"\"", start);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? source.length() : end;
                add(literals, source, lastEnd, i, source.substring(start, end));
                i = Math.min(source.length(), end + 3);
                lastEnd = i;
            } else if (ch == '"') {
                int end = skipQuoted(source, i + 1, '"');
                add(literals, source, lastEnd, i, source.substring(i + 1, Math.max(i + 1, end - 1)));
                i = end;
                lastEnd = i;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static void add(List<String> literals, String source, int lastEnd, int start, String literal) {
        if (lastEnd >= 0 && !literals.isEmpty() && source.substring(lastEnd, start).strip().equals("+")) {
            literals.set(literals.size() - 1, literals.get(literals.size() - 1) + literal);
        } else {
            literals.add(literal);
        }
    }

    private static int skipQuoted(String source, int from, char quote) {
        int i = from;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(source.length(), i + 1);
    }

    private static int endOfLine(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end + 1;
    }
}
