package cn.ola.ops;

import static cn.ola.support.CaseTraffic.INTAKE;
import static cn.ola.support.CaseTraffic.PDF;
import static cn.ola.support.CaseTraffic.TO_THE_NOTICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.support.Browserless;
import cn.ola.support.CaseTraffic;
import cn.ola.support.CaseTraffic.Step;
import cn.ola.support.FreshMySqlSchema;
import cn.ola.support.HaProxy;
import cn.ola.support.MySqlDatabase;

/**
 * Two nodes on one database behind a real load balancer, as production runs them. The built jar
 * is started twice at the same moment on a fresh MySQL schema (each node with a data folder of its
 * own), with HAProxy in front: round robin, no stickiness, a health check every second.
 *
 * <p>Asserted: the simultaneous start leaves one version of each process and decision definition,
 * one of each Tasklist filter and one set of demo cases; one sign-in works on both nodes, for the
 * portal and for Camunda's webapps; a document uploaded through one node is downloaded through the
 * other. Then the demo company's system files {@value #DEFAULT_CASES} cases through the load
 * balancer and staff work them through the engine's REST API; in the middle node 1 is killed with
 * SIGKILL while it holds jobs. Node 2 finishes every case: each case started once with its own
 * number, each step completed once, each filing notice printed once, and the jobs the dead node
 * had locked run on node 2 once their lock (20 s here) has expired.
 */
@ExtendWith({MySqlDatabase.class, HaProxy.class})
class ClusterMySqlIT {

    static final int DEFAULT_CASES = 200;
    /** Cases filed: 200, or fewer with -Dola.cluster.cases=40 for a quick look. */
    static final int CASES = Integer.getInteger("ola.cluster.cases", DEFAULT_CASES);
    static final int CLIENTS = 4;
    /** Every fourth case goes on to the filing notice, which the job executor prints. */
    static final int TO_THE_LETTER = 4;
    static final Duration JOB_LOCK = Duration.ofSeconds(20);
    static final String API = "/api/v1/applications";
    static final String AUTH_USER = "/camunda/api/admin/auth/user/default";
    static final String ISSUER = "Cluster Test Holdings Ltd. (Cayman)";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private int balancer;

    @Test
    void twoNodesShareEverythingAndTheSurvivorFinishesEveryCaseWhenOneIsKilled() throws Exception {
        FreshMySqlSchema schema = FreshMySqlSchema.fresh(MySqlDatabase.connection(), "_cluster");
        Path folders = Files.createTempDirectory("ola-cluster");
        List<Node> nodes = List.of(Node.start(1, schema, folders), Node.start(2, schema, folders));
        HaProxy.Proxy lb = null;
        try {
            for (Node node : nodes) {
                node.awaitUp(Duration.ofMinutes(5));
            }
            log("both nodes up");
            lb = HaProxy.balancing(nodes.get(0).port, nodes.get(1).port);
            balancer = lb.port();
            JdbcClient db = schema.jdbc();

            theSimultaneousStartLeftOneOfEach(db);
            oneSignInServesBothNodes();
            aDocumentUploadedOnOneNodeIsServedByTheOther();

            Load load = new Load();
            load.start();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> load.failure() != null || load.numbers.size() >= CASES * 2 / 5);
            assertThat(load.failure()).as("the load before the kill").isNull();
            // Kill node 1 while it holds jobs (a letter being printed, or acquired and waiting).
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !jobsLockedBy(db, "node-1").isEmpty());
            nodes.get(0).kill();
            List<String> lockedByTheDead = jobsLockedBy(db, "node-1");
            log("node 1 killed after %d submissions, holding jobs %s", load.numbers.size(), lockedByTheDead);
            assertThat(lockedByTheDead).as("jobs the killed node held").isNotEmpty();

            load.finish(Duration.ofMinutes(8));
            List<String> letterCases = load.letterCases();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> filed(db) == letterCases.size());
            log("every case finished: %d answers 502/503 around the kill, all retried", load.unavailable.get());

            everyCaseOnceWithItsOwnNumber(db, load);
            everyStepCompletedOnce(db, load);
            everyLetterPrintedOnce(db, letterCases);
            theDeadNodesJobsRanOnTheSurvivor(db, lockedByTheDead);
            assertThat(nodes.get(1).log()).as("node 2's log").doesNotContain(" ERROR ");
        } finally {
            if (lb != null) {
                lb.stop();
            }
            nodes.forEach(Node::stop);
            schema.drop();
        }
    }

    private void theSimultaneousStartLeftOneOfEach(JdbcClient db) {
        assertThat(db.sql("SELECT KEY_, VERSION_ FROM ACT_RE_PROCDEF").query((row, n) -> row.getString(1) + " v"
                + row.getInt(2)).list()).as("process definitions").isNotEmpty().allSatisfy(d -> assertThat(d).endsWith(" v1"));
        assertThat(db.sql("SELECT KEY_, VERSION_ FROM ACT_RE_DECISION_DEF").query((row, n) -> row.getString(1) + " v"
                + row.getInt(2)).list()).as("decision definitions").isNotEmpty().allSatisfy(d -> assertThat(d).endsWith(" v1"));
        assertThat(db.sql("SELECT NAME_ FROM ACT_RU_FILTER").query(String.class).list()).as("Tasklist filters")
                .isNotEmpty().doesNotHaveDuplicates();
        assertThat(db.sql("SELECT count(*) FROM applications").query(Long.class).single()).as("demo cases").isEqualTo(2);
    }

    private void oneSignInServesBothNodes() {
        Browserless company = new Browserless(balancer);
        company.login("compliance", "demo");
        Set<String> portalNodes = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> page = company.get("/applications");
            assertThat(page.statusCode()).as("the portal's applications page").isEqualTo(200);
            portalNodes.add(page.headers().firstValue("X-Served-By").orElseThrow());
        }
        assertThat(portalNodes).as("nodes that served the signed-in company").containsExactlyInAnyOrder("node-1", "node-2");

        Browserless officer = new Browserless(balancer);
        officer.login("cro", "demo");
        // Opening Tasklist signs the officer in to Camunda's webapps, on whichever node serves it.
        assertThat(officer.get("/camunda/app/tasklist/default/", "Accept", "text/html").statusCode()).isEqualTo(200);
        Set<String> webappNodes = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> who = officer.get(AUTH_USER);
            assertThat(who.statusCode()).as("Camunda's webapp sign-in, asked of %s", who.headers()
                    .firstValue("X-Served-By").orElse("?")).isEqualTo(200);
            assertThat(who.body()).contains("\"userId\":\"cro\"").contains("tasklist");
            webappNodes.add(who.headers().firstValue("X-Served-By").orElseThrow());
        }
        assertThat(webappNodes).as("nodes that served the signed-in officer").containsExactlyInAnyOrder("node-1", "node-2");
    }

    private void aDocumentUploadedOnOneNodeIsServedByTheOther() {
        Answer draft = send(api(API).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CaseTraffic.facts(ISSUER))).build());
        assertThat(draft.status()).as("%s", draft).isEqualTo(201);
        Answer upload = send(CaseTraffic.upload(api(API + "/" + field(draft, "id") + "/documents"), "PROSPECTUS"));
        assertThat(upload.status()).as("%s", upload).isEqualTo(201);
        String content = field(upload, "contentHref");
        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<byte[]> download = sendForBytes(api(content).header("Accept", "*/*").GET().build());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(PDF);
            servedBy.add(download.headers().firstValue("X-Served-By").orElseThrow());
        }
        assertThat(servedBy).as("nodes that served the document uploaded through %s", upload.servedBy())
                .containsExactlyInAnyOrder("node-1", "node-2");
    }

    private void everyCaseOnceWithItsOwnNumber(JdbcClient db, Load load) {
        assertThat(load.numbers).as("submissions acknowledged").hasSize(CASES);
        Set<String> acknowledged = new HashSet<>(load.numbers.values());
        assertThat(acknowledged).as("numbers, each another").hasSize(CASES);
        Map<String, Long> started = new HashMap<>();
        db.sql("SELECT p.BUSINESS_KEY_, count(*) FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = 'overseas-listing' "
                + "AND p.BUSINESS_KEY_ IN (:numbers) GROUP BY p.BUSINESS_KEY_").param("numbers", acknowledged)
                .query(row -> {
                    started.put(row.getString(1), row.getLong(2));
                });
        assertThat(started).as("cases started per number").hasSize(CASES).allSatisfy((number, count) ->
                assertThat(count).as(number).isEqualTo(1));
        assertThat(db.sql("SELECT count(*) FROM applications WHERE status <> 'DRAFT'").query(Long.class).single())
                .as("submitted applications (two demo cases and ours)").isEqualTo(CASES + 2);
    }

    private void everyStepCompletedOnce(JdbcClient db, Load load) {
        Map<String, Long> ended = new HashMap<>();
        db.sql("SELECT p.BUSINESS_KEY_, t.TASK_DEF_KEY_, count(*) FROM ACT_HI_TASKINST t "
                + "JOIN ACT_HI_PROCINST p ON p.ID_ = t.ROOT_PROC_INST_ID_ WHERE p.BUSINESS_KEY_ IN (:numbers) "
                + "AND t.END_TIME_ IS NOT NULL GROUP BY p.BUSINESS_KEY_, t.TASK_DEF_KEY_")
                .param("numbers", load.numbers.values()).query(row -> {
                    ended.put(row.getString(1) + " " + row.getString(2), row.getLong(3));
                });
        Map<String, Long> expected = new HashMap<>();
        load.numbers.forEach((index, number) -> Load.stepsOf(index)
                .forEach(step -> expected.put(number + " " + step.taskKey(), 1L)));
        assertThat(ended).as("tasks completed per case and step").isEqualTo(expected);
    }

    private void everyLetterPrintedOnce(JdbcClient db, List<String> letterCases) {
        Map<String, Long> notices = new HashMap<>();
        db.sql("SELECT a.application_number, count(*) FROM documents d JOIN applications a ON a.id = d.application_id "
                + "WHERE d.kind = 'FILING_NOTICE' AND a.application_number IN (:numbers) GROUP BY a.application_number")
                .param("numbers", letterCases).query(row -> {
                    notices.put(row.getString(1), row.getLong(2));
                });
        Map<String, Long> oneEach = new HashMap<>();
        letterCases.forEach(number -> oneEach.put(number, 1L));
        assertThat(notices).as("filing notices per case").isEqualTo(oneEach);
        assertThat(db.sql("SELECT count(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0").query(Long.class).single())
                .as("jobs without retries").isZero();
        assertThat(db.sql("SELECT count(*) FROM ACT_RU_INCIDENT").query(Long.class).single()).as("incidents").isZero();
    }

    private void theDeadNodesJobsRanOnTheSurvivor(JdbcClient db, List<String> lockedByTheDead) {
        assertThat(db.sql("SELECT count(*) FROM ACT_RU_JOB WHERE ID_ IN (:ids)").param("ids", lockedByTheDead)
                .query(Long.class).single()).as("jobs node 1 held, still waiting").isZero();
        // JOB_STATE_ 2: the job ran successfully.
        List<String> ranOn = db.sql("SELECT JOB_ID_, HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE JOB_ID_ IN (:ids) AND JOB_STATE_ = 2")
                .param("ids", lockedByTheDead).query((row, n) -> row.getString(1) + " " + row.getString(2)).list();
        assertThat(ranOn).as("jobs node 1 held, run to the end").hasSize(lockedByTheDead.size())
                .allSatisfy(run -> assertThat(run).endsWith(" node-2"));
    }

    private static List<String> jobsLockedBy(JdbcClient db, String node) {
        return db.sql("SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ LIKE ?").param(node + "/%").query(String.class).list();
    }

    private static long filed(JdbcClient db) {
        return db.sql("SELECT count(*) FROM documents WHERE kind = 'FILING_NOTICE'").query(Long.class).single();
    }

    /** The demo company's system and the staff at work, {@value #CLIENTS} clients taking the cases one after the other. */
    final class Load {

        final String run = UUID.randomUUID().toString();
        final Map<Integer, String> numbers = new ConcurrentHashMap<>();
        final AtomicInteger unavailable = new AtomicInteger();
        private CaseTraffic.Clients clients;

        static List<Step> stepsOf(int index) {
            return index % TO_THE_LETTER == 0 ? TO_THE_NOTICE : INTAKE;
        }

        void start() {
            clients = new CaseTraffic.Clients(CLIENTS, CASES, this::runCase);
        }

        Throwable failure() {
            return clients.failure();
        }

        void finish(Duration within) throws Exception {
            try {
                clients.finish(within);
            } finally {
                clients.stop();
            }
        }

        List<String> letterCases() {
            return numbers.entrySet().stream().filter(e -> e.getKey() % TO_THE_LETTER == 0).map(Map.Entry::getValue)
                    .toList();
        }

        private void runCase(int index) {
            Answer draft = untilAnswered(() -> api(API).header("Content-Type", "application/json")
                    .header("Idempotency-Key", run + "-draft-" + index)
                    .POST(HttpRequest.BodyPublishers.ofString(CaseTraffic.facts(ISSUER))).build());
            expect(draft, 201);
            long id = Long.parseLong(field(draft, "id"));
            for (String kind : CaseTraffic.DOCUMENTS) {
                expect(untilAnswered(() -> CaseTraffic.upload(api(API + "/" + id + "/documents"), kind)), 201);
            }
            Answer submission = untilAnswered(() -> api(API + "/" + id + "/submission")
                    .header("Idempotency-Key", run + "-submission-" + index)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            expect(submission, 201);
            String number = field(submission, "number");
            numbers.put(index, number);
            for (Step step : stepsOf(index)) {
                complete(number, step);
            }
        }

        /** Completes the case's open task of the step; after a lost answer it looks whether the task is still open. */
        private void complete(String number, Step step) {
            boolean attempted = false;
            while (true) {
                Answer open = untilAnswered(() -> engineRest("/engine-rest/task?processInstanceBusinessKey=" + number
                        + "&taskDefinitionKey=" + step.taskKey(), step.user()).GET().build());
                expect(open, 200);
                JsonNode tasks = read(open);
                if (tasks.isEmpty()) {
                    if (attempted) {
                        return;
                    }
                    throw new AssertionError(step.taskKey() + " of " + number + " is not open for " + step.user());
                }
                attempted = true;
                Answer done = send(engineRest("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                        step.user()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(step.variables())).build());
                if (done.status() == 204) {
                    return;
                }
                if (!lost(done)) {
                    throw new AssertionError("Completing " + step.taskKey() + " of " + number + ": " + done);
                }
                pause();
            }
        }

        /** Sends the request again while the node that took it died, or the answer says "in progress". */
        private Answer untilAnswered(Supplier<HttpRequest> request) {
            while (true) {
                Answer answer = send(request.get());
                boolean inProgress = answer.status() == 409 && answer.body().contains("/problems/request-in-progress");
                if (!lost(answer) && !inProgress) {
                    return answer;
                }
                pause();
            }
        }

        /** The load balancer's answer for a request whose node died under it, or no answer at all. */
        private boolean lost(Answer answer) {
            boolean lost = answer.status() == 502 || answer.status() == 503 || answer.status() == 504
                    || answer.status() == 0;
            if (lost) {
                unavailable.incrementAndGet();
            }
            return lost;
        }

        private void expect(Answer answer, int status) {
            if (answer.status() != status) {
                throw new AssertionError("Expected " + status + ", got " + answer);
            }
        }

        private void pause() {
            await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        }
    }

    /** The demo company's user, through the load balancer. */
    private HttpRequest.Builder api(String path) {
        return withBasic(path, "compliance");
    }

    private HttpRequest.Builder engineRest(String path, String user) {
        return withBasic(path, user);
    }

    private HttpRequest.Builder withBasic(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancer + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }

    record Answer(int status, String body, String servedBy) {

        @Override
        public String toString() {
            return status + " from " + servedBy + ": " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("X-Served-By").orElse("the load balancer"));
        } catch (IOException connectionLost) {
            return new Answer(0, String.valueOf(connectionLost), "nobody");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri().toString(), e);
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
        JsonNode node = read(answer).get(name);
        return node == null ? null : node.asText();
    }

    private static void log(String format, Object... arguments) {
        System.out.printf("[cluster] %s%n", String.format(format, arguments));
    }

    /** The built jar, started as a node of the cluster. */
    static final class Node {

        final int number;
        final int port;
        final Path log;
        final Process process;

        private Node(int number, int port, Path log, Process process) {
            this.number = number;
            this.port = port;
            this.log = log;
            this.process = process;
        }

        static Node start(int number, FreshMySqlSchema schema, Path folders) throws IOException {
            int port = freePort();
            Path dataDir = Files.createDirectories(folders.resolve("node-" + number));
            Path log = folders.resolve("node-" + number + ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
                    "--server.port=" + port, "--spring.profiles.active=mysql", "--ola.demo.enabled=true",
                    "--ola.node-name=node-" + number, "--ola.data-dir=" + dataDir,
                    "--camunda.bpm.job-execution.lock-time-in-millis=" + JOB_LOCK.toMillis())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("MYSQL_URL", schema.url());
            builder.environment().put("MYSQL_USER", schema.user());
            builder.environment().put("MYSQL_PASSWORD", schema.password());
            builder.environment().put("OLA_ADMIN_PASSWORD", "cluster-Admin-1");
            Node node = new Node(number, port, log, builder.start());
            Runtime.getRuntime().addShutdownHook(new Thread(node.process::destroyForcibly));
            return node;
        }

        void awaitUp(Duration within) {
            HttpClient client = HttpClient.newHttpClient();
            await().atMost(within).pollInterval(Duration.ofSeconds(1)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("node " + number + " did not start:\n" + tail());
                }
                try {
                    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                } catch (IOException notYet) {
                    return false;
                }
            });
        }

        /** SIGKILL: the node ends at once, with whatever it held. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String log() throws IOException {
            return Files.readString(log);
        }

        private String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        }

        private static Path jar() throws IOException {
            try (Stream<Path> built = Files.list(Path.of("target"))) {
                return built.filter(p -> p.getFileName().toString().matches("overseas-listing-approval-.*\\.jar"))
                        .findFirst().orElseThrow(() -> new IllegalStateException(
                                "No built jar in target/: the cluster test runs the application as built (mvn verify)"));
            }
        }

        private static int freePort() throws IOException {
            try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            }
        }
    }
}
