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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ola.applicant.ApplicantCases;
import cn.ola.support.Browserless;

/**
 * Task lists and case lists with many open cases, at several sizes: the open cases are filed
 * by several company threads through the services underneath the portal (see {@link OpenCaseFiler};
 * {@code -Dbench.load=portal} files them through the portal's own service instead),
 * every second one is passed through the intake check, and one large platform in ten is carried
 * on to the consultation of NDRC and MIIT (so that the member agencies have tasks of their own).
 * At each size every list is read over and over, one call at a time, the way its user reads it;
 * then the next batch of cases is filed on top. The growth of each figure from the smallest to
 * the largest size is given as an exponent (1 = linear in the open cases, 2 = their square).
 */
final class TaskListLoad {

    static final String WORKLOAD = "3 task lists";

    /** The engine API of the Camunda webapps, as Tasklist calls it. */
    static final String TASKLIST_API = "/camunda/api/engine/engine/default";
    /** Tasklist's first page: its default page size, the filter's own sorting (HAL). */
    static final String TASKLIST_PAGE = "?firstResult=0&maxResults=15";
    static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"orQueries\":[],\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
    /** The filter every staff user starts from, named in Chinese and English (see cn.ola.identity.TasklistFilters). */
    static final String MY_GROUP_TASKS = "Tasks of my groups";
    /** The staff work queue of our own, first page. */
    static final String WORK_QUEUE = "/staff/tasks";
    /** Calls of the member agency's search at the size reached by copies (see staffPagesAtScale). */
    static final int AGENCY_SEARCH_RUNS = 3;

    /**
     * The query Tasklist's filter makes the engine run for a group's user, written plainly: what
     * the database must do at the least to answer the first page without the authorization check.
     */
    static final String RAW_LIST = """
            SELECT DISTINCT RES.* FROM ACT_RU_TASK RES
              INNER JOIN ACT_RU_IDENTITYLINK I ON I.TASK_ID_ = RES.ID_
            WHERE I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (?)
            ORDER BY RES.DUE_DATE_ ASC
            LIMIT 15 OFFSET 0""";
    static final String RAW_COUNT = """
            SELECT COUNT(DISTINCT RES.ID_) FROM ACT_RU_TASK RES
              INNER JOIN ACT_RU_IDENTITYLINK I ON I.TASK_ID_ = RES.ID_
            WHERE I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (?)""";

    private final RunningSystem system;
    private final Settings settings;
    private final BenchPeople people;
    private final Results results;
    private final List<String> numbers = Collections.synchronizedList(new ArrayList<>());
    /** Size → metric → p50, for the growth exponents. */
    private final Map<Integer, Map<String, Double>> medians = new LinkedHashMap<>();
    private Runnable touch = () -> { };

    TaskListLoad(RunningSystem system, Settings settings, BenchPeople people, Results results) {
        this.system = system;
        this.settings = settings;
        this.people = people;
        this.results = results;
    }

    void run() throws Exception {
        for (int size : settings.sizes()) {
            fileOpenCases(size);
            measureAt(size);
        }
        growth();
        workQueueAtScale();
        staffPagesAtScale();
    }

    /**
     * Both task lists as Tasklist calls them, the staff search, the staff case view, the dashboard and a
     * company's list at {@code bench.queue-cases} cases, beyond the cases filed: the cases are copied in bulk ({@link CaseCopies}, MySQL only) until there are that many,
     * the pages are read as at the sizes filed, and the copies are removed (kept with the schema under
     * {@code bench.mysql.keep}, to look at the queries). Search looks for the numbers of copies and originals
     * alike; the case view opens cases filed, which carry the engine's whole history. On the way, at the
     * sizes of {@code bench.copy-stops}, both task lists are read as well.
     */
    private void staffPagesAtScale() throws Exception {
        int target = settings.queueCases();
        if (numbers.isEmpty() || target <= numbers.size()) {
            return;
        }
        String db = system.database;
        if (!"mysql".equals(db)) {
            System.out.printf("[%s] staff pages at %,d cases: not measured (the cases are copied on MySQL only)%n", db, target);
            return;
        }
        CaseCopies copies = new CaseCopies(system.dataSource());
        long originals = copies.originals();
        int rounds = (int) Math.max(0, (target - originals + originals - 1) / originals);
        double seconds = 0;
        List<Integer> stops = new ArrayList<>(settings.copyStops());
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            copies.copy(round);
            seconds += (System.nanoTime() - start) / 1e9;
            long now = originals * (round + 1);
            if (round < rounds && stops.removeIf(stop -> stop <= now)) {
                copies.analyze();
                taskListsAt(" @" + String.format(Locale.ROOT, "%,d", now) + " (cases copied in bulk)", now);
            }
        }
        long analyzing = System.nanoTime();
        copies.analyze();
        seconds += (System.nanoTime() - analyzing) / 1e9;
        long cases = originals * (rounds + 1);
        String at = " @" + String.format(Locale.ROOT, "%,d", target) + " (cases copied in bulk)";
        System.out.printf(Locale.ROOT, "[%s] %,d cases copied %d times in %.0f s: %,d cases%n", db, originals, rounds, seconds,
                cases);
        try {
            List<String> all = new ArrayList<>(numbers);
            for (int round = 1; round <= rounds; round++) {
                for (String number : numbers) {
                    all.add("OLA-" + (2100 + round) + number.substring(8));
                }
            }
            SplittableRandom random = new SplittableRandom(43);
            int runs = settings.queryRuns();
            Browserless staff = signedIn(BenchPeople.CSRC);
            Latency caseView = measure(runs, () -> ok(staff.get("/staff/applications/" + numbers.get(random.nextInt(numbers.size())))));
            Latency search = measure(runs, () -> {
                boolean byName = random.nextBoolean();
                String q = byName ? people.companies.get(random.nextInt(people.companies.size())).nameZh()
                        : all.get(random.nextInt(all.size()));
                return ok(staff.get("/staff/applications?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
            });
            // Few calls: before the index of V35 one call took over a minute at this size.
            Browserless agency = signedIn(BenchPeople.NDRC);
            Latency agencySearch = measure(AGENCY_SEARCH_RUNS, () -> ok(agency.get("/staff/applications")));
            Browserless supervisor = signedIn(BenchPeople.SUPERVISOR);
            Latency dashboard = measure(runs, () -> ok(supervisor.get("/staff/dashboard")));
            ApplicantCases applicant = system.bean(ApplicantCases.class);
            String companyUser = people.companies.get(0).user();
            Latency companyList = measure(runs, () -> applicant.applications(companyUser));
            taskListsAt(at, cases);
            results.add(db, WORKLOAD, "cases" + at, cases, "cases");
            results.add(db, WORKLOAD, "copying time" + at, seconds, "s");
            results.latency(db, WORKLOAD, "(c) staff case view" + at, caseView);
            results.latency(db, WORKLOAD, "(c) staff search" + at, search);
            results.latency(db, WORKLOAD, "(c) member agency's search, first page (" + AGENCY_SEARCH_RUNS + " calls)" + at,
                    agencySearch);
            results.latency(db, WORKLOAD, "(c) dashboard" + at, dashboard);
            results.latency(db, WORKLOAD, "(b) company application list" + at, companyList);
            System.out.printf(Locale.ROOT, "[%s] at %,d cases (copied in bulk): company list p95 %.1f ms, case view p95 %.1f ms, "
                    + "search p95 %.1f ms, member agency's search p95 %.1f ms, dashboard p95 %.1f ms%n", db, cases,
                    companyList.millis(95), caseView.millis(95), search.millis(95), agencySearch.millis(95),
                    dashboard.millis(95));
        } finally {
            if (!Boolean.getBoolean("bench.mysql.keep")) {
                copies.remove();
            }
        }
    }

    /**
     * The work queue at {@code bench.queue-cases} open cases, beyond the cases filed: its read model is
     * topped up in bulk with copies of the reviewers' rows (each a task of its own, due a little later),
     * as many as the reviewers would have at that many cases; the queue is read as before, and the copies
     * are removed. The queue reads its table alone, so the copies cost it what real tasks would; what
     * this does not show is the engine at that size (Tasklist's figures stop at the cases filed).
     */
    private void workQueueAtScale() {
        int target = settings.queueCases();
        if (numbers.isEmpty() || target <= numbers.size()) {
            return;
        }
        JdbcClient jdbc = JdbcClient.create(system.dataSource());
        String viewer = "group:" + BenchPeople.CRO.group();
        long real = jdbc.sql("SELECT COUNT(*) FROM work_queue WHERE viewer = ?").param(viewer).query(Long.class).single();
        long wanted = Math.round((double) real / numbers.size() * target);
        long rows = real;
        for (int round = 1; rows < wanted; round++) {
            rows += jdbc.sql("""
                    INSERT INTO work_queue (viewer, task_id, due_order, due_at, created_at, task_key, task_name, stage,
                        application_number, company_name, assignee, process_instance_id)
                    SELECT viewer, CONCAT('bench-', ?, '-', task_id),
                        CASE WHEN due_at IS NULL THEN due_order ELSE due_order + ? END, due_at, created_at, task_key, task_name,
                        stage, application_number, company_name, assignee, process_instance_id
                    FROM work_queue WHERE viewer = ? AND task_id NOT LIKE 'bench-%' ORDER BY task_id LIMIT ?""")
                    .params(round, round * 60_000L, viewer, Math.min(real, wanted - rows)).update();
        }
        String at = " @" + String.format(Locale.ROOT, "%,d", target) + " (read model topped up in bulk)";
        try {
            Browserless reviewer = signedIn(BenchPeople.CRO);
            Latency page = measure(settings.queryRuns(), () -> ok(reviewer.get(WORK_QUEUE)));
            Latency filtered = measure(settings.queryRuns(), () -> ok(reviewer.get(WORK_QUEUE + "?stage=DATA_PROTECTION")));
            results.add(system.database, WORKLOAD, "work queue rows of the reviewers" + at, rows, "rows");
            results.latency(system.database, WORKLOAD, "(a) reviewer work queue /staff/tasks (session)" + at, page);
            results.latency(system.database, WORKLOAD, "(a) reviewer work queue, one stage (session)" + at, filtered);
            System.out.printf(Locale.ROOT, "[%s] reviewer at %,d open cases (work queue topped up to %,d rows): work queue "
                    + "p95 %.1f ms, filtered by stage p95 %.1f ms%n", system.database, target, rows, page.millis(95),
                    filtered.millis(95));
        } finally {
            jdbc.sql("DELETE FROM work_queue WHERE task_id LIKE 'bench-%'").update();
        }
    }

    private void measureAt(int size) throws Exception {
        String db = system.database;
        String at = " @" + String.format(Locale.ROOT, "%,d", size);
        JdbcClient jdbc = JdbcClient.create(system.dataSource());
        String someTask = jdbc.sql("SELECT MIN(ID_) FROM ACT_RU_TASK").query(String.class).single();
        String firstNumber = numbers.get(0);
        touch = () -> {
            jdbc.sql("UPDATE ACT_RU_TASK SET PRIORITY_ = PRIORITY_ WHERE ID_ = ?").param(someTask).update();
            jdbc.sql("UPDATE applications SET version = version WHERE application_number = ?").param(firstNumber).update();
        };
        SplittableRandom random = new SplittableRandom(42);
        int runs = settings.queryRuns();

        Map<String, Latency> measured = taskLists(runs, true);
        Browserless reviewer = new Browserless(system.port());
        String basic = "/engine-rest/task?candidateGroup=cro-reviewer&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50";
        measured.put("(a) reviewer task list REST (Basic auth)",
                measure(runs, () -> ok(reviewer.getWithBasic(basic, BenchPeople.CRO.user(), BenchPeople.PASSWORD))));

        ApplicantCases cases = system.bean(ApplicantCases.class);
        String companyUser = people.companies.get(0).user();
        int companyApplications = cases.applications(companyUser).size();
        measured.put("(b) company application list", measure(runs, () -> cases.applications(companyUser)));
        Browserless api = new Browserless(system.port());
        measured.put("(b) company application list, API (Basic auth)",
                measure(runs, () -> ok(api.getWithBasic("/api/v1/applications", companyUser, BenchPeople.PASSWORD))));

        Browserless staff = signedIn(BenchPeople.CSRC);
        measured.put("(c) staff case view", measure(runs,
                () -> ok(staff.get("/staff/applications/" + numbers.get(random.nextInt(numbers.size()))))));
        measured.put("(c) staff search", measure(runs, () -> {
            boolean byName = random.nextBoolean();
            String q = byName ? people.companies.get(random.nextInt(people.companies.size())).nameZh()
                    : numbers.get(random.nextInt(numbers.size()));
            return ok(staff.get("/staff/applications?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        }));
        Browserless agency = signedIn(BenchPeople.NDRC);
        measured.put("(c) member agency's search, first page", measure(runs, () -> ok(agency.get("/staff/applications"))));
        Browserless supervisor = signedIn(BenchPeople.SUPERVISOR);
        measured.put("(c) dashboard", measure(runs, () -> ok(supervisor.get("/staff/dashboard"))));

        results.add(db, WORKLOAD, "open cases" + at, numbers.size(), "cases");
        results.add(db, WORKLOAD, "open reviewer tasks" + at, openTasks(jdbc, BenchPeople.CRO.group()), "tasks");
        results.add(db, WORKLOAD, "open member agency tasks" + at, openTasks(jdbc, BenchPeople.NDRC.group()), "tasks");
        results.add(db, WORKLOAD, "applications of the listed company" + at, companyApplications, "applications");
        results.add(db, WORKLOAD, "task authorization rows" + at,
                jdbc.sql("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = 7").query(Long.class).single(), "rows");
        Map<String, Double> p50 = new LinkedHashMap<>();
        for (Map.Entry<String, Latency> figure : measured.entrySet()) {
            results.latency(db, WORKLOAD, figure.getKey() + at, figure.getValue());
            p50.put(figure.getKey(), figure.getValue().millis(50));
        }
        medians.put(size, p50);
        taskListRatios(measured, at, String.format(Locale.ROOT, "%,d open cases", numbers.size()));
        System.out.printf(Locale.ROOT, "[%s] at %,d open cases: company list p95 %.1f ms, case view p95 %.1f ms, "
                + "search p95 %.1f ms, member agency's search p95 %.1f ms, dashboard p95 %.1f ms%n", db, numbers.size(),
                measured.get("(b) company application list").millis(95), measured.get("(c) staff case view").millis(95),
                measured.get("(c) staff search").millis(95), measured.get("(c) member agency's search, first page").millis(95),
                measured.get("(c) dashboard").millis(95));
    }

    /**
     * Both task lists as Tasklist calls them, with their floors, at a size reached by copies, recorded under
     * {@code at}. The copies carry their open tasks' candidate groups, the member agencies' task authorizations and
     * the variables Tasklist shows in its list: the task lists read them as they read real tasks. Not the work
     * queue: its rows are not copied (workQueueAtScale tops them up on its own).
     */
    private void taskListsAt(String at, long cases) throws SQLException {
        String db = system.database;
        Map<String, Latency> taskLists = taskLists(settings.queryRuns(), false);
        JdbcClient jdbc = JdbcClient.create(system.dataSource());
        results.add(db, WORKLOAD, "open reviewer tasks" + at, openTasks(jdbc, BenchPeople.CRO.group()), "tasks");
        results.add(db, WORKLOAD, "open member agency tasks" + at, openTasks(jdbc, BenchPeople.NDRC.group()), "tasks");
        taskLists.forEach((figure, latency) -> results.latency(db, WORKLOAD, figure + at, latency));
        taskListRatios(taskLists, at, String.format(Locale.ROOT, "%,d cases (copied in bulk)", cases));
    }

    /**
     * The reviewer's and a member agency's task lists as Tasklist calls them (the session of the single sign-on,
     * signed in once at the portal; the filter's list and count), the raw SQL floor of each, the engine's query
     * as the user, and (where asked) the work queue of our own.
     */
    private Map<String, Latency> taskLists(int runs, boolean workQueue) throws SQLException {
        String filter = system.bean(FilterService.class).createFilterQuery().filterNameLike("%" + MY_GROUP_TASKS).singleResult()
                .getId();
        Map<String, Latency> measured = new LinkedHashMap<>();
        for (BenchPeople.Staff staff : List.of(BenchPeople.CRO, BenchPeople.NDRC)) {
            Browserless tasklist = signedIn(staff);
            String who = staff == BenchPeople.CRO ? "reviewer" : "member agency";
            measured.put("(a) " + who + " task list as Tasklist calls it (session)",
                    measure(runs, () -> ok(tasklist.postJsonAsWebapp(TASKLIST_API + "/filter/" + filter + "/list" + TASKLIST_PAGE,
                            TASKLIST_BODY, "Accept", "application/hal+json"))));
            measured.put("(a) " + who + " task count as Tasklist calls it (session)",
                    measure(runs, () -> ok(tasklist.postJsonAsWebapp(TASKLIST_API + "/filter/" + filter + "/count",
                            TASKLIST_BODY))));
            try (Connection connection = system.dataSource().getConnection()) {
                measured.put("(a) " + who + " raw SQL floor, list", measure(runs, () -> raw(connection, RAW_LIST, staff.group())));
                measured.put("(a) " + who + " raw SQL floor, count", measure(runs, () -> raw(connection, RAW_COUNT, staff.group())));
            }
            measured.put("(a) " + who + " task query in the engine (as the user, no HTTP)",
                    measure(runs, () -> engineList(staff)));
            if (workQueue) {
                measured.put("(a) " + who + " work queue /staff/tasks (session)", measure(runs, () -> ok(tasklist.get(WORK_QUEUE))));
            }
        }
        return measured;
    }

    /** Each list against its floor, recorded and printed (the line the issue's check command shows). */
    private void taskListRatios(Map<String, Latency> measured, String at, String where) {
        String db = system.database;
        for (String who : List.of("reviewer", "member agency")) {
            Latency list = measured.get("(a) " + who + " task list as Tasklist calls it (session)");
            Latency count = measured.get("(a) " + who + " task count as Tasklist calls it (session)");
            Latency floor = measured.get("(a) " + who + " raw SQL floor, list");
            Latency countFloor = measured.get("(a) " + who + " raw SQL floor, count");
            Latency engine = measured.get("(a) " + who + " task query in the engine (as the user, no HTTP)");
            Latency queue = measured.get("(a) " + who + " work queue /staff/tasks (session)");
            String queueFigure = queue == null ? "" : String.format(Locale.ROOT, "; work queue p95 %.1f ms", queue.millis(95));
            results.add(db, WORKLOAD, who + " list p95 / floor p95" + at, list.millis(95) / floor.millis(95), "x");
            results.add(db, WORKLOAD, who + " engine query p95 / floor p95" + at, engine.millis(95) / floor.millis(95), "x");
            // Tasklist's one call runs the list and the count: its own floor is both raw queries.
            results.add(db, WORKLOAD, who + " list p95 / (list + count floor) p95" + at,
                    list.millis(95) / (floor.millis(95) + countFloor.millis(95)), "x");
            System.out.printf(Locale.ROOT, "[%s] %s at %s: task list as Tasklist calls it p95 %.1f ms "
                    + "(raw SQL floor %.1f ms, with the count's %.1f ms, engine query %.1f ms), count p95 %.1f ms%s%n",
                    db, who, where, list.millis(95), floor.millis(95), floor.millis(95) + countFloor.millis(95),
                    engine.millis(95), count.millis(95), queueFigure);
        }
    }

    /** p50 growth from the smallest to the largest size, as an exponent of the growth of the open cases. */
    private void growth() {
        if (medians.size() < 2) {
            return;
        }
        List<Integer> sizes = new ArrayList<>(medians.keySet());
        int small = sizes.get(0);
        int large = sizes.get(sizes.size() - 1);
        for (String metric : medians.get(large).keySet()) {
            double from = medians.get(small).get(metric);
            double to = medians.get(large).get(metric);
            if (from > 0 && to > 0) {
                results.add(system.database, WORKLOAD, metric + " growth exponent "
                        + String.format(Locale.ROOT, "%,d→%,d", small, large),
                        Math.log(to / from) / Math.log((double) large / small), "");
            }
        }
    }

    private Browserless signedIn(BenchPeople.Staff staff) {
        Browserless client = new Browserless(system.port());
        if (client.login(staff.user(), BenchPeople.PASSWORD).statusCode() != 302) {
            throw new IllegalStateException(staff.user() + " could not sign in");
        }
        return client;
    }

    private int engineList(BenchPeople.Staff staff) {
        IdentityService identity = system.bean(IdentityService.class);
        identity.setAuthentication(staff.user(), List.of(staff.group()));
        try {
            return system.bean(TaskService.class).createTaskQuery().taskCandidateGroupIn(List.of(staff.group()))
                    .includeAssignedTasks().orderByDueDate().asc().listPage(0, 15).size();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static long openTasks(JdbcClient jdbc, String group) {
        return jdbc.sql("SELECT COUNT(DISTINCT TASK_ID_) FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate' AND GROUP_ID_ = ?")
                .param(group).query(Long.class).single();
    }

    /**
     * Files open cases until there are {@code size}, with several company threads; every second one
     * gets through the intake check, and a tenth of the large platforms on to the consultation.
     */
    private void fileOpenCases(int size) throws InterruptedException {
        int from = numbers.size();
        String label = system.database + " open cases";
        ApplicantCases cases = system.bean(ApplicantCases.class);
        OpenCaseFiler filer = settings.portalLoad() ? null : new OpenCaseFiler(system);
        TaskService tasks = system.bean(TaskService.class);
        IdentityService identity = system.bean(IdentityService.class);
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger failures = new AtomicInteger();
        Latency submission = new Latency();
        ExecutorService companies = Executors.newFixedThreadPool(settings.threads());
        long start = System.nanoTime();
        long cpuBefore = Benchmark.processCpuNanos();
        for (int t = 0; t < settings.threads(); t++) {
            companies.execute(() -> {
                for (int i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
                    try {
                        CaseMix kind = CaseMix.of(1_000_000 + i);
                        kind = kind == CaseMix.WITHDRAWN ? CaseMix.STRAIGHT : kind;
                        String user = people.companies.get(i % people.companies.size()).user();
                        String number;
                        if (filer == null) {
                            long draft = ApplicationScript.draft(cases, user, kind);
                            number = submitPatiently(cases, user, draft, submission);
                        } else {
                            number = filer.file(user, kind, submission);
                        }
                        numbers.add(number);
                        if (i % 2 == 0) {
                            complete(tasks, identity, BenchPeople.CSRC, number, "Task_IntakeCheck", Map.of("intakeOutcome", "COMPLETE"));
                            if (kind.large() && i % 20 == 0) {
                                complete(tasks, identity, BenchPeople.CRO, number, "Task_CheckMaterials",
                                        Map.of("materialsOutcome", "REVIEW_NEEDED", "reviewComplex", false));
                                complete(tasks, identity, BenchPeople.CRO, number, "Task_InitialReview",
                                        Map.of("initialOpinion", "NO_CONCERN", "consultNdrc", true, "consultMiit", true,
                                                "reasons", "No national-security effect found."));
                            }
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
        int last = numbers.size();
        long lastReport = System.nanoTime();
        while (!companies.awaitTermination(10, TimeUnit.SECONDS)) {
            long now = System.nanoTime();
            int done = numbers.size();
            System.out.printf(Locale.ROOT, "[%s] %,d/%,d filed, %.1f cases/s (last 10 s), %.0f s%n", label, done, size,
                    (done - last) / ((now - lastReport) / 1e9), (now - start) / 1e9);
            last = done;
            lastReport = now;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int filed = numbers.size() - from;
        System.out.printf(Locale.ROOT, "[%s] %,d open cases filed in %.0f s (%.1f cases/s), %d failed; %,d open now%n", label,
                filed, seconds, filed / seconds, failures.get(), numbers.size());
        String at = " @" + String.format(Locale.ROOT, "%,d", size);
        results.add(system.database, WORKLOAD, "filing rate while loading" + at, filed / seconds, "cases/s");
        results.add(system.database, WORKLOAD, "loading time" + at, seconds, "s");
        results.add(system.database, WORKLOAD, "CPU of this JVM per case filed" + at,
                (Benchmark.processCpuNanos() - cpuBefore) / 1e6 / Math.max(1, filed), "ms");
        results.latency(system.database, WORKLOAD, "submission while loading" + at, submission);
    }

    private static void complete(TaskService tasks, IdentityService identity, BenchPeople.Staff staff, String number,
            String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).singleResult();
        if (task == null || !CaseDriver.completeAsStaff(tasks, identity, staff, task.getId(), variables)) {
            throw new IllegalStateException(taskKey + " of " + number + " could not be completed by " + staff.user());
        }
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
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static int raw(Connection connection, String sql, String group) {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, group);
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
