package cn.ola.ops;

import static cn.ola.support.CaseTraffic.INTAKE;
import static cn.ola.support.CaseTraffic.TO_THE_NOTICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import cn.ola.company.CompanyUsers;
import cn.ola.support.Browserless;
import cn.ola.support.CaseTraffic;
import cn.ola.support.CaseTraffic.Step;
import cn.ola.support.HaProxy;
import cn.ola.support.MySqlDatabase;
import cn.ola.support.NewCompanies;
import cn.ola.support.ProblemLog;

/**
 * A database outage costs no data. A real HAProxy (TCP mode) stands between the application and
 * MySQL. A company's system files 300 cases ({@link #CASES}) through the API (a draft, three documents,
 * the submission) and regulator staff work them through the engine's REST API (the intake check;
 * every tenth case on through the PI self-assessment, the completeness check and the filing
 * conclusion, whose filing notice the job executor prints), on {@value #CLIENTS} client threads.
 * In the middle the database is cut off for 10 s through HAProxy's runtime API (the server in
 * maintenance, every connection to it shut) and then brought back.
 *
 * <p>While it is away the API answers a 503 problem, the engine's API a 503 in Camunda's shape, a
 * portal page and a staff page the calm 503 page, and health is DOWN. Afterwards health is UP
 * without a restart, and every acknowledged (2xx) submission and completion is there exactly once:
 * one application, one number and one case each, one completion in the history each; every filing
 * notice is printed once; no job is left without retries and no incident. No answer was another
 * 5xx or showed a stack trace, and the log holds no error and no stack trace, only one warning
 * line per failure.
 *
 * <p>The clients retry after a 503 as a company's system would, and only acknowledged results
 * count. A submission whose commit succeeded while its answer was lost is not made twice: the
 * client sends it again with the same {@code Idempotency-Key} and gets the first answer. A staff
 * client looks at the task again before it retries, as Tasklist would show it.
 */
@ExtendWith({MySqlDatabase.class, HaProxy.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.process-engine-name=mysql-outage-test", "ola.data-dir=target/mysql-outage-test-data"})
@ActiveProfiles({"dev", "mysql"})
@DirtiesContext
class DatabaseOutageMySqlIT {

    /** Cases filed: 300, or fewer with -Dola.outage.cases=60 for a quick look. */
    static final int CASES = Integer.getInteger("ola.outage.cases", 300);
    static final int CLIENTS = 4;
    /** Every tenth case goes on to the filing notice. */
    static final int TO_THE_LETTER = 10;
    static final Duration OUTAGE = Duration.ofSeconds(10);
    static final String API = "/api/v1/applications";
    static final String PROBLEM_TYPE = "https://ola.example.cn/problems/database-unavailable";
    static final String PASSWORD = "secret-Passw0rd";
    /** What a browser asks for when it opens a page. */
    static final String PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    static HaProxy.Proxy proxy;

    @DynamicPropertySource
    static void databaseBehindTheProxy(DynamicPropertyRegistry registry) {
        MySqlDatabase.Connection mysql = MySqlDatabase.connection();
        if (mysql == null || HaProxy.executable().isEmpty()) {
            return;
        }
        proxy = HaProxy.inFrontOf(mysql.url());
        registry.add("MYSQL_URL", proxy::jdbcUrl);
        registry.add("MYSQL_USER", mysql::user);
        registry.add("MYSQL_PASSWORD", mysql::password);
    }

    @LocalServerPort
    int port;
    @Autowired
    CompanyUsers companyUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aTenSecondOutageInTheMiddleOfTheLoadCostsNoData() throws Exception {
        String company = registerCompany();
        long companyId = companyUsers.companyOf(company).orElseThrow().id();
        Browserless companyBrowser = new Browserless(port, "Accept", PAGE, "Accept-Language", "zh-CN,zh;q=0.9");
        Browserless reviewerBrowser = new Browserless(port, "Accept", PAGE, "Accept-Language", "en");
        companyBrowser.login(company, PASSWORD);
        reviewerBrowser.login("cro", "demo");
        assertThat(companyBrowser.get("/applications").statusCode()).isEqualTo(200);
        assertThat(reviewerBrowser.get("/staff/applications").statusCode()).isEqualTo(200);

        Load load = new Load(company);
        long start = System.nanoTime();
        log("load of %d cases starts", CASES);
        try (ProblemLog problems = ProblemLog.watch(); OutageLines outageLines = OutageLines.watch()) {
            load.start();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> load.failure() != null || load.submitted() >= CASES * 2 / 5);
            assertThat(load.failure()).as("the load before the outage").isNull();

            proxy.takeServerDown();
            long cut = System.nanoTime();
            try {
                log("database cut off after %d submissions and %d completions", load.submitted(), load.completed());
                whatUsersSeeWhileTheDatabaseIsAway(companyBrowser, reviewerBrowser, company);
                long away = Duration.ofNanos(System.nanoTime() - cut).toMillis();
                await().pollDelay(Duration.ofMillis(Math.max(0, OUTAGE.toMillis() - away)))
                        .atMost(OUTAGE.plusSeconds(1)).until(() -> true);
            } finally {
                proxy.bringServerBack();
            }
            long back = System.nanoTime();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> get("/actuator/health", null).status() == 200);
            log("database back after %d ms; health UP %d ms later, without a restart",
                    Duration.ofNanos(back - cut).toMillis(), Duration.ofNanos(System.nanoTime() - back).toMillis());
            load.finish(Duration.ofMinutes(5));
            log("load done after %d s: %d answers 503 while the database was away; %d first answers given again for a "
                    + "key sent again, %d completions done although answered 503", seconds(start), load.unavailable.get(),
                    load.replayed.get(), load.doneUnacknowledged.get());
            List<String> letterCases = load.letterCases();
            // A letter job the outage caught halfway runs again once its lock expires (a minute).
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> filed(companyId) == letterCases.size());
            log("every filing notice printed after %d s", seconds(start));

            assertThat(load.wrongAnswers).as("answers other than a clean 503 problem or page, or with a stack trace")
                    .isEmpty();
            assertThat(load.unavailable.get()).as("answers 503 while the database was away").isPositive();
            everyAcknowledgedSubmissionIsThereOnce(load, companyId);
            everyAcknowledgedCompletionIsThereOnce(load, companyId);
            everyLetterIsPrintedOnce(letterCases, companyId);
            noJobUsedUpNorIncident(companyId);
            assertThat(problems.problems()).as("errors and stack traces in the log").isEmpty();
            assertThat(outageLines.lines()).as("one warning line per failure")
                    .anySatisfy(line -> assertThat(line).startsWith("GET /api/v1/applications: the database cannot be reached"))
                    .anySatisfy(line -> assertThat(line).startsWith("GET /applications: the database cannot be reached"));
        } finally {
            load.stop();
        }
        log("%d cases with an outage of %d s: %d s in all", CASES, OUTAGE.toSeconds(), seconds(start));
    }

    /** Every front door at once (each waits for the pool's connection timeout before it answers). */
    private void whatUsersSeeWhileTheDatabaseIsAway(Browserless companyBrowser, Browserless reviewerBrowser,
            String company) {
        ExecutorService users = Executors.newFixedThreadPool(5);
        try {
            whatUsersSee(users, companyBrowser, reviewerBrowser, company);
        } finally {
            users.shutdownNow();
        }
    }

    private void whatUsersSee(ExecutorService users, Browserless companyBrowser, Browserless reviewerBrowser,
            String company) {
        var api = CompletableFuture.supplyAsync(() -> get(API, company), users);
        var engineRest = CompletableFuture.supplyAsync(() -> get("/engine-rest/task?maxResults=5", "csrc"), users);
        var health = CompletableFuture.supplyAsync(() -> get("/actuator/health", null), users);
        var portalPage = CompletableFuture.supplyAsync(() -> companyBrowser.get("/applications"), users);
        var staffPage = CompletableFuture.supplyAsync(() -> reviewerBrowser.get("/staff/applications"), users);

        Answer problem = api.join();
        assertThat(problem.status()).as("the API: %s", problem).isEqualTo(503);
        assertThat(problem.contentType()).startsWith("application/problem+json");
        assertThat(problem.retryAfter()).isNotNull();
        assertThat(field(problem, "type")).isEqualTo(PROBLEM_TYPE);
        assertThat(field(problem, "status")).isEqualTo("503");
        assertThat(field(problem, "detail")).contains("try again");

        Answer engine = engineRest.join();
        assertThat(engine.status()).as("the engine's API: %s", engine).isEqualTo(503);
        assertThat(engine.retryAfter()).isNotNull();
        assertThat(field(engine, "type")).isEqualTo("ServiceUnavailableException");

        Answer down = health.join();
        assertThat(down.status()).as("health: %s", down).isEqualTo(503);
        assertThat(field(down, "status")).isEqualTo("DOWN");

        HttpResponse<String> portal = portalPage.join();
        assertThat(portal.statusCode()).as("the portal: %s", portal.body()).isEqualTo(503);
        assertThat(portal.headers().firstValue("Retry-After")).isPresent();
        assertThat(portal.body()).contains("系统暂时无法使用").contains("系统暂时无法连接数据库")
                .doesNotContain("Exception").doesNotContain("\tat ");

        HttpResponse<String> staff = staffPage.join();
        assertThat(staff.statusCode()).as("a staff page: %s", staff.body()).isEqualTo(503);
        assertThat(staff.body()).contains("Temporarily unavailable").contains("cannot reach its database")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    private void everyAcknowledgedSubmissionIsThereOnce(Load load, long companyId) {
        assertThat(load.drafts).as("drafts acknowledged").hasSize(CASES);
        assertThat(load.numbers).as("submissions acknowledged").hasSize(CASES);
        Set<String> acknowledged = new HashSet<>(load.numbers.values());
        assertThat(acknowledged).as("numbers acknowledged, each another").hasSize(CASES);

        assertThat(jdbc.sql("SELECT count(*) FROM applications WHERE company_id = ?").param(companyId)
                .query(Long.class).single()).as("applications of the company (no draft made twice)").isEqualTo(CASES);
        Map<String, Long> cases = new HashMap<>();
        jdbc.sql("SELECT a.application_number, count(p.ID_) FROM applications a LEFT JOIN ACT_HI_PROCINST p "
                + "ON p.BUSINESS_KEY_ = a.application_number AND p.PROC_DEF_KEY_ = 'overseas-listing' "
                + "WHERE a.company_id = ? GROUP BY a.application_number").param(companyId)
                .query(row -> {
                    cases.put(row.getString(1), row.getLong(2));
                });
        assertThat(cases.keySet()).as("application numbers in the database").isEqualTo(acknowledged);
        assertThat(cases).as("cases started per application number").allSatisfy((number, started) ->
                assertThat(started).as(number).isEqualTo(1));
        assertThat(jdbc.sql("SELECT count(*) FROM applications a JOIN ACT_HI_PROCINST p ON p.ID_ = a.process_instance_id "
                + "AND p.BUSINESS_KEY_ = a.application_number WHERE a.company_id = ?").param(companyId)
                .query(Long.class).single()).as("applications that know their case").isEqualTo(CASES);
    }

    private void everyAcknowledgedCompletionIsThereOnce(Load load, long companyId) {
        Map<String, Long> ended = new HashMap<>();
        jdbc.sql("SELECT p.BUSINESS_KEY_, t.TASK_DEF_KEY_, count(*) FROM ACT_HI_TASKINST t "
                + "JOIN ACT_HI_PROCINST p ON p.ID_ = t.ROOT_PROC_INST_ID_ "
                + "JOIN applications a ON a.application_number = p.BUSINESS_KEY_ "
                + "WHERE a.company_id = ? AND t.END_TIME_ IS NOT NULL GROUP BY p.BUSINESS_KEY_, t.TASK_DEF_KEY_")
                .param(companyId).query(row -> {
                    ended.put(row.getString(1) + " " + row.getString(2), row.getLong(3));
                });
        Map<String, Long> expected = new HashMap<>();
        load.numbers.forEach((index, number) -> Load.stepsOf(index)
                .forEach(step -> expected.put(number + " " + step.taskKey(), 1L)));
        assertThat(ended).as("tasks completed per case and step").isEqualTo(expected);

        List<String> acknowledged = load.completions.stream().map(Completion::taskId).toList();
        assertThat(acknowledged).as("completions acknowledged").doesNotHaveDuplicates()
                .hasSize(expected.size() - load.doneUnacknowledged.get());
        for (Completion completion : load.completions) {
            assertThat(ended.get(completion.number() + " " + completion.taskKey())).as("%s", completion).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM ACT_HI_TASKINST WHERE ID_ IN (:ids) AND END_TIME_ IS NOT NULL")
                .param("ids", acknowledged).query(Long.class).single())
                .as("acknowledged completions in the history").isEqualTo(acknowledged.size());
    }

    private void everyLetterIsPrintedOnce(List<String> letterCases, long companyId) {
        Map<String, Long> notices = new HashMap<>();
        jdbc.sql("SELECT a.application_number, count(*) FROM documents d JOIN applications a ON a.id = d.application_id "
                + "WHERE a.company_id = ? AND d.kind = 'FILING_NOTICE' GROUP BY a.application_number").param(companyId)
                .query(row -> {
                    notices.put(row.getString(1), row.getLong(2));
                });
        Map<String, Long> issued = new HashMap<>();
        jdbc.sql("SELECT a.application_number, count(*) FROM audit_events e JOIN applications a ON a.id = e.application_id "
                + "WHERE a.company_id = ? AND e.event_type = 'LETTER_ISSUED' GROUP BY a.application_number").param(companyId)
                .query(row -> {
                    issued.put(row.getString(1), row.getLong(2));
                });
        Map<String, Long> oneEach = new HashMap<>();
        letterCases.forEach(number -> oneEach.put(number, 1L));
        assertThat(notices).as("filing notices per case").isEqualTo(oneEach);
        assertThat(issued).as("letters issued per case in the audit trail").isEqualTo(oneEach);
    }

    private void noJobUsedUpNorIncident(long companyId) {
        String ours = "JOIN ACT_RU_EXECUTION e ON e.ID_ = %s JOIN applications a ON a.application_number = e.BUSINESS_KEY_ "
                + "WHERE a.company_id = ?";
        assertThat(jdbc.sql("SELECT count(*) FROM ACT_RU_JOB j " + ours.formatted("j.PROCESS_INSTANCE_ID_")
                + " AND j.RETRIES_ = 0").param(companyId).query(Long.class).single()).as("jobs without retries").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ACT_RU_INCIDENT i " + ours.formatted("i.PROC_INST_ID_"))
                .param(companyId).query(Long.class).single()).as("incidents").isZero();
        long failures = jdbc.sql("SELECT count(*) FROM ACT_HI_JOB_LOG l "
                + "JOIN ACT_HI_PROCINST p ON p.ID_ = l.PROCESS_INSTANCE_ID_ "
                + "JOIN applications a ON a.application_number = p.BUSINESS_KEY_ "
                + "WHERE a.company_id = ? AND l.JOB_EXCEPTION_MSG_ IS NOT NULL").param(companyId).query(Long.class).single();
        log("job failures recorded (and retried): %d", failures);
    }

    private long filed(long companyId) {
        return jdbc.sql("SELECT count(*) FROM applications WHERE company_id = ? AND status = 'FILED'").param(companyId)
                .query(Long.class).single();
    }

    private String registerCompany() {
        return NewCompanies.withUser(companyUsers, "outage-", "断线测试数据股份有限公司", "Outage Test Data Co., Ltd.", PASSWORD);
    }

    /** A staff completion the engine's API answered 204. */
    record Completion(String number, String taskKey, String taskId) {
    }

    /** The company's system and the staff at work, {@value #CLIENTS} clients taking the cases one after the other. */
    final class Load {

        final String company;
        final String run = UUID.randomUUID().toString();
        final Map<Integer, Long> drafts = new ConcurrentHashMap<>();
        final Map<Integer, String> numbers = new ConcurrentHashMap<>();
        final Queue<Completion> completions = new ConcurrentLinkedQueue<>();
        final Queue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
        final AtomicInteger unavailable = new AtomicInteger();
        /** Answers the API gave again, to a request sent again with its Idempotency-Key. */
        final AtomicInteger replayed = new AtomicInteger();
        /** Completions carried out although their answer was a 503: the task was gone when the client looked again. */
        final AtomicInteger doneUnacknowledged = new AtomicInteger();
        private CaseTraffic.Clients clients;

        Load(String company) {
            this.company = company;
        }

        static List<Step> stepsOf(int index) {
            return index % TO_THE_LETTER == 0 ? TO_THE_NOTICE : INTAKE;
        }

        void start() {
            clients = new CaseTraffic.Clients(CLIENTS, CASES, this::runCase);
        }

        int submitted() {
            return numbers.size();
        }

        int completed() {
            return completions.size();
        }

        Throwable failure() {
            return clients.failure();
        }

        void finish(Duration within) throws Exception {
            clients.finish(within);
        }

        void stop() {
            clients.stop();
        }

        List<String> letterCases() {
            return numbers.entrySet().stream().filter(e -> e.getKey() % TO_THE_LETTER == 0).map(Map.Entry::getValue)
                    .toList();
        }

        private void runCase(int index) {
            Answer draft = untilAnswered(() -> request(API, company).header("Content-Type", "application/json")
                    .header("Idempotency-Key", run + "-draft-" + index)
                    .POST(HttpRequest.BodyPublishers.ofString(CaseTraffic.facts("Outage Test Holdings Ltd. (Cayman)"))).build());
            expect(draft, 201);
            long id = Long.parseLong(field(draft, "id"));
            drafts.put(index, id);
            for (String kind : CaseTraffic.DOCUMENTS) {
                expect(untilAnswered(() -> CaseTraffic.upload(request(API + "/" + id + "/documents", company), kind)), 201);
            }
            Answer submission = untilAnswered(() -> request(API + "/" + id + "/submission", company)
                    .header("Idempotency-Key", run + "-submission-" + index)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            expect(submission, 201);
            String number = field(submission, "number");
            numbers.put(index, number);
            for (Step step : stepsOf(index)) {
                complete(number, step);
            }
        }

        /**
         * Completes the case's open task of the step as the step's user. After a 503 the client
         * looks again: a task that is no longer open was completed by the attempt whose answer
         * was lost (it counts as done, not as acknowledged); one still open is completed again.
         */
        private void complete(String number, Step step) {
            boolean attempted = false;
            while (true) {
                Answer open = untilAnswered(() -> request("/engine-rest/task?processInstanceBusinessKey=" + number
                        + "&taskDefinitionKey=" + step.taskKey(), step.user()).GET().build());
                expect(open, 200);
                JsonNode tasks = read(open);
                if (tasks.isEmpty()) {
                    if (attempted) {
                        doneUnacknowledged.incrementAndGet();
                        return;
                    }
                    throw new AssertionError(step.taskKey() + " of " + number + " is not open for " + step.user());
                }
                String taskId = tasks.get(0).get("id").asText();
                attempted = true;
                Answer done = once(request("/engine-rest/task/" + taskId + "/complete", step.user())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(step.variables())).build());
                if (done.status() == 204) {
                    completions.add(new Completion(number, step.taskKey(), taskId));
                    return;
                }
                if (done.status() != 503) {
                    throw new AssertionError("Completing " + step.taskKey() + " of " + number + ": " + done);
                }
                pause();
            }
        }

        /** Sends the request until it is answered with something else than 503 or "still in progress". */
        private Answer untilAnswered(Supplier<HttpRequest> request) {
            while (true) {
                Answer answer = once(request.get());
                boolean inProgress = answer.status() == 409 && answer.body().contains("/problems/request-in-progress");
                if (answer.status() != 503 && !inProgress) {
                    return answer;
                }
                pause();
            }
        }

        private Answer once(HttpRequest request) {
            Answer answer = send(request);
            if (answer.replayed()) {
                replayed.incrementAndGet();
            }
            if (answer.status() == 503) {
                unavailable.incrementAndGet();
                checkUnavailable(request, answer);
            } else if (answer.status() >= 500) {
                wrongAnswers.add(request.method() + " " + request.uri().getPath() + ": " + answer);
            }
            return answer;
        }

        /** A 503 of the API is the problem, one of the engine's API Camunda's error shape; neither shows a stack trace. */
        private void checkUnavailable(HttpRequest request, Answer answer) {
            String path = request.uri().getPath();
            boolean clean = answer.retryAfter() != null && !answer.body().contains("\tat ")
                    && (path.startsWith("/api/") ? PROBLEM_TYPE.equals(field(answer, "type"))
                            && answer.contentType().startsWith("application/problem+json")
                            : "ServiceUnavailableException".equals(field(answer, "type")));
            if (!clean) {
                wrongAnswers.add(request.method() + " " + path + ": " + answer);
            }
        }

        private void expect(Answer answer, int status) {
            if (answer.status() != status) {
                throw new AssertionError("Expected " + status + ", got " + answer);
            }
        }

        /** A client waits a moment before it tries again (less than Retry-After says: the test has no time to lose). */
        private void pause() {
            await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        }
    }

    record Answer(int status, String body, String contentType, String retryAfter, boolean replayed) {

        @Override
        public String toString() {
            return status + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    private Answer get(String path, String user) {
        return send((user == null ? HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                : request(path, user)).GET().build());
    }

    private HttpRequest.Builder request(String path, String user) {
        String password = user.startsWith("outage-") ? PASSWORD : "demo";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Idempotent-Replayed").isPresent());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(Answer answer) {
        try {
            return json.readTree(answer.body());
        } catch (IOException notJson) {
            throw new AssertionError("Not JSON: " + answer, notJson);
        }
    }

    private String field(Answer answer, String name) {
        try {
            JsonNode node = json.readTree(answer.body()).get(name);
            return node == null ? null : node.asText();
        } catch (IOException notJson) {
            return null;
        }
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    /** Progress, with the CPU time this JVM (application and clients) has used so far. */
    private static void log(String format, Object... arguments) {
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        System.out.printf("[outage] %s (CPU %d s)%n", String.format(format, arguments), Duration.ofNanos(cpu).toSeconds());
    }

    /** The one-line warnings of {@link DatabaseOutage}. */
    static final class OutageLines implements AutoCloseable {

        private final Logger logger = (Logger) LoggerFactory.getLogger(DatabaseOutage.class);
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        static OutageLines watch() {
            OutageLines lines = new OutageLines();
            lines.appender.start();
            lines.logger.addAppender(lines.appender);
            return lines;
        }

        List<String> lines() {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
        }
    }
}
