package cn.ola.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ola.applicant.ApplicantCases;
import cn.ola.support.Browserless;

/**
 * Task lists and case lists with many open cases: M cases filed through the portal's service by
 * several company threads, half of them past the intake check (so that the reviewers' list
 * holds their self-assessment reviews and, for large companies, the review decisions); then
 * each list is read over and over, one call at a time, the way its user reads it.
 */
final class TaskListLoad {

    static final String WORKLOAD = "3 task lists";

    /**
     * The task query Camunda runs for a candidate group, written plainly: what the database must
     * do at the least to answer the reviewer's first page, without the authorization check.
     */
    static final String RAW_TASK_QUERY = """
            SELECT DISTINCT RES.* FROM ACT_RU_TASK RES
              INNER JOIN ACT_RU_IDENTITYLINK I ON I.TASK_ID_ = RES.ID_
            WHERE RES.ASSIGNEE_ IS NULL AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (?)
            ORDER BY RES.DUE_DATE_ ASC
            LIMIT 50 OFFSET 0""";

    /** The engine API of the Camunda webapps, as Tasklist calls it. */
    static final String TASKLIST_API = "/camunda/api/engine/engine/default";

    private final RunningSystem system;
    private final Settings settings;
    private final BenchPeople people;
    private final Results results;
    private Runnable touch = () -> { };

    TaskListLoad(RunningSystem system, Settings settings, BenchPeople people, Results results) {
        this.system = system;
        this.settings = settings;
        this.people = people;
        this.results = results;
    }

    void run() throws Exception {
        List<String> numbers = fileOpenCases();
        JdbcClient jdbc = JdbcClient.create(system.dataSource());
        String someTask = jdbc.sql("SELECT MIN(ID_) FROM ACT_RU_TASK").query(String.class).single();
        touch = () -> {
            jdbc.sql("UPDATE ACT_RU_TASK SET PRIORITY_ = PRIORITY_ WHERE ID_ = ?").param(someTask).update();
            jdbc.sql("UPDATE applications SET version = version WHERE application_number = ?").param(numbers.get(0)).update();
        };
        String db = system.database;
        SplittableRandom random = new SplittableRandom(42);
        int runs = settings.queryRuns();

        Browserless reviewer = new Browserless(system.port());
        String list = "/engine-rest/task?candidateGroup=cro-reviewer&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50";
        String count = "/engine-rest/task/count?candidateGroup=cro-reviewer";
        Latency taskList = measure(runs, () -> ok(reviewer.getWithBasic(list, BenchPeople.CRO.user(), BenchPeople.PASSWORD)));
        Latency taskCount = measure(runs, () -> ok(reviewer.getWithBasic(count, BenchPeople.CRO.user(), BenchPeople.PASSWORD)));
        String countBody = reviewer.getWithBasic(count, BenchPeople.CRO.user(), BenchPeople.PASSWORD).body();

        // The way Tasklist itself asks: the webapp's engine API with the session of the single sign-on
        // (signed in once at the portal), no password check per call. GET needs no XSRF header.
        Browserless tasklist = new Browserless(system.port());
        if (tasklist.login(BenchPeople.CRO.user(), BenchPeople.PASSWORD).statusCode() != 302) {
            throw new IllegalStateException("The reviewer could not sign in");
        }
        String tasklistList = TASKLIST_API + "/task?candidateGroup=cro-reviewer&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50";
        String tasklistCount = TASKLIST_API + "/task/count?candidateGroup=cro-reviewer";
        HttpResponse<String> probe = tasklist.get(tasklistList);
        Latency sessionList = null;
        Latency sessionCount = null;
        if (probe.statusCode() == 200) {
            sessionList = measure(runs, () -> ok(tasklist.get(tasklistList)));
            sessionCount = measure(runs, () -> ok(tasklist.get(tasklistCount)));
        } else {
            System.out.printf("[%s] the Tasklist API answered %d with a session: not measured%n", system.database, probe.statusCode());
        }

        DataSource dataSource = system.dataSource();
        Latency floor;
        try (Connection connection = dataSource.getConnection()) {
            floor = measure(runs, () -> rawTaskQuery(connection));
        }

        ApplicantCases cases = system.bean(ApplicantCases.class);
        String companyUser = people.companies.get(0).user();
        int companyApplications = cases.applications(companyUser).size();
        Latency companyList = measure(runs, () -> cases.applications(companyUser));

        Browserless staff = new Browserless(system.port());
        if (staff.login(BenchPeople.CSRC.user(), BenchPeople.PASSWORD).statusCode() != 302) {
            throw new IllegalStateException("The staff user could not sign in");
        }
        Latency caseView = measure(runs, () -> ok(staff.get("/staff/applications/" + numbers.get(random.nextInt(numbers.size())))));
        Latency search = measure(runs, () -> {
            boolean byName = random.nextBoolean();
            String q = byName ? people.companies.get(random.nextInt(people.companies.size())).nameZh()
                    : numbers.get(random.nextInt(numbers.size()));
            return ok(staff.get("/staff/applications?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        });

        results.add(db, WORKLOAD, "open cases", numbers.size(), "cases");
        results.add(db, WORKLOAD, "open reviewer tasks", Double.parseDouble(countBody.replaceAll("[^0-9]", "")), "tasks");
        results.add(db, WORKLOAD, "applications of the listed company", companyApplications, "applications");
        if (sessionList != null) {
            results.latency(db, WORKLOAD, "(a) reviewer task list as Tasklist calls it (session)", sessionList);
            results.latency(db, WORKLOAD, "(a) reviewer task count as Tasklist calls it (session)", sessionCount);
        }
        results.latency(db, WORKLOAD, "(a) reviewer task list REST (Basic auth)", taskList);
        results.latency(db, WORKLOAD, "(a) reviewer task count REST (Basic auth)", taskCount);
        results.latency(db, WORKLOAD, "(a) raw SQL floor", floor);
        results.latency(db, WORKLOAD, "(b) company application list", companyList);
        results.latency(db, WORKLOAD, "(c) staff case view", caseView);
        results.latency(db, WORKLOAD, "(c) staff search", search);
        if (sessionList != null) {
            System.out.printf(Locale.ROOT, "[%s] task list as Tasklist calls it p95 %.1f ms, count p95 %.1f ms%n", db,
                    sessionList.millis(95), sessionCount.millis(95));
        }
        System.out.printf(Locale.ROOT, "[%s] task list (Basic auth) p95 %.1f ms (floor %.1f ms), count p95 %.1f ms, company list p95 %.1f ms, "
                + "case view p95 %.1f ms, search p95 %.1f ms%n", db, taskList.millis(95), floor.millis(95), taskCount.millis(95),
                companyList.millis(95), caseView.millis(95), search.millis(95));
    }

    /** Files M cases with several company threads; every second one gets through the intake check. */
    private List<String> fileOpenCases() throws InterruptedException {
        int m = settings.openCases();
        String label = system.database + " open cases";
        ApplicantCases cases = system.bean(ApplicantCases.class);
        TaskService tasks = system.bean(TaskService.class);
        IdentityService identity = system.bean(IdentityService.class);
        List<String> numbers = Collections.synchronizedList(new ArrayList<>(m));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Latency submission = new Latency();
        ExecutorService companies = Executors.newFixedThreadPool(settings.threads());
        long start = System.nanoTime();
        for (int t = 0; t < settings.threads(); t++) {
            companies.execute(() -> {
                for (int i = next.getAndIncrement(); i < m; i = next.getAndIncrement()) {
                    try {
                        CaseMix kind = CaseMix.of(1_000_000 + i);
                        kind = kind == CaseMix.WITHDRAWN ? CaseMix.STRAIGHT : kind;
                        String user = people.companies.get(i % people.companies.size()).user();
                        long draft = ApplicationScript.draft(cases, user, kind);
                        String number = submitPatiently(cases, user, draft, submission);
                        numbers.add(number);
                        if (i % 2 == 0) {
                            Task intake = tasks.createTaskQuery().processInstanceBusinessKey(number)
                                    .taskDefinitionKey("Task_IntakeCheck").singleResult();
                            CaseDriver.completeAsStaff(tasks, identity, BenchPeople.CSRC, intake.getId(),
                                    Map.of("intakeOutcome", "COMPLETE"));
                        }
                    } catch (RuntimeException e) {
                        if (failures.incrementAndGet() <= 5) {
                            System.out.printf("[%s] filing failed: %s%n", label, e);
                        }
                    }
                }
            });
        }
        companies.shutdown();
        int last = 0;
        long lastReport = System.nanoTime();
        while (!companies.awaitTermination(5, TimeUnit.SECONDS)) {
            long now = System.nanoTime();
            int done = numbers.size();
            System.out.printf(Locale.ROOT, "[%s] %,d/%,d filed, %.1f cases/s (last 5 s), %.0f s%n", label, done, m,
                    (done - last) / ((now - lastReport) / 1e9), (now - start) / 1e9);
            last = done;
            lastReport = now;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "[%s] %,d open cases filed in %.0f s (%.1f cases/s), %d failed%n", label, numbers.size(),
                seconds, numbers.size() / seconds, failures.get());
        results.add(system.database, WORKLOAD, "filing rate while loading", numbers.size() / seconds, "cases/s");
        results.latency(system.database, WORKLOAD, "submission while loading", submission);
        return numbers;
    }

    /** Presses "submit" again when the submission failed (a lock timeout under load), at most five times. */
    private static String submitPatiently(ApplicantCases cases, String user, long draft, Latency submission) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ApplicationScript.submit(cases, user, draft, submission).toString();
            } catch (RuntimeException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static String ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static int rawTaskQuery(Connection connection) {
        try (PreparedStatement query = connection.prepareStatement(RAW_TASK_QUERY)) {
            query.setString(1, "cro-reviewer");
            int rows = 0;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Warms the call up, then times it {@code runs} times, one call after the other. Before each
     * call a task and an application row are touched (untimed): a live system changes all the
     * time, and H2 would otherwise answer a repeated query from the result it kept.
     */
    private Latency measure(int runs, Supplier<?> call) {
        for (int i = 0; i < Math.min(20, runs); i++) {
            call.get();
        }
        Latency latency = new Latency();
        for (int i = 0; i < runs; i++) {
            touch.run();
            latency.time(call::get);
        }
        return latency;
    }
}
