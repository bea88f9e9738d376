package cn.ola.support;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import cn.ola.workflow.Deadlines;

/**
 * What a company's system and the regulators' staff send through the APIs to carry a small case
 * to its filing notice: the facts of the draft, its documents, and the staff's steps. The load of
 * the tests that cut the database or kill a node.
 */
public final class CaseTraffic {

    public static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    /** The documents every application needs; the facts below call for no others. */
    public static final List<String> DOCUMENTS = List.of("FILING_REPORT", "PRC_LEGAL_OPINION", "PROSPECTUS");

    /** One step of a case's staff work: who completes which task with which variables (Camunda's REST JSON). */
    public record Step(String user, String taskKey, String variables) {

        public static Step of(String user, String taskKey, String variable, String value) {
            return new Step(user, taskKey, "{\"variables\": {\"" + variable + "\": {\"value\": \"" + value
                    + "\", \"type\": \"String\"}}}");
        }
    }

    /** The intake check, after which the case waits on the review office. */
    public static final List<Step> INTAKE = List.of(Step.of("csrc", "Task_IntakeCheck", "intakeOutcome", "COMPLETE"));
    /** Every step to the filing notice, which the job executor then prints. */
    public static final List<Step> TO_THE_NOTICE = List.of(
            Step.of("csrc", "Task_IntakeCheck", "intakeOutcome", "COMPLETE"),
            Step.of("cro", "Task_ReviewPiSelfAssessment", "selfAssessmentOutcome", "ACCEPTED"),
            Step.of("csrc", "Task_CompletenessCheck", "completenessOutcome", "COMPLETE"),
            Step.of("csrc", "Task_ConcludeFiling", "filingOutcome", "NOTICE_ISSUED"));

    private CaseTraffic() {
    }

    /**
     * A mid-sized platform, listing in New York, with the date of the overseas application given:
     * no cybersecurity review, no export assessment, the filing follows the checks at once.
     */
    public static String facts(String offshoreIssuer) {
        LocalDate today = LocalDate.now(Deadlines.BEIJING);
        return """
                {"listingType": "INDIRECT", "issuerType": "OFFSHORE", "offshoreIssuer": "%s",
                 "venueExchange": "NYSE", "venueRegion": "US", "offeringType": "IPO", "plannedListingDate": "%s",
                 "overseasSubmissionDate": "%s", "networkPlatformOperator": true, "ciio": false, "importantData": false,
                 "personalInfoUsers": 800000, "piExportedNonSensitive": 5000, "piExportedSensitive": 0,
                 "consentObtained": true, "sensitiveDataMinimised": true, "industry": "SOFTWARE",
                 "domesticRevenuePct": 92.5, "domesticProfitPct": 88.0, "domesticAssetsPct": 75.0,
                 "domesticNetAssetsPct": 70.0, "managementMostlyPrc": true, "mainPlaceOfBusiness": "CN",
                 "declProhibitedByLaw": false, "declNationalSecurityThreat": false, "declRecentCriminalOffence": false,
                 "declUnderInvestigation": false, "declOwnershipDispute": false}"""
                .formatted(offshoreIssuer, today.plusMonths(6), today.minusDays(1));
    }

    /** The request, made the upload of a small PDF as the document of this kind (multipart, as the API takes it). */
    public static HttpRequest upload(HttpRequest.Builder request, String kind) {
        String boundary = "----traffic" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + kind.toLowerCase()
                + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, PDF, tail))).build();
    }

    /**
     * Client threads, as several client systems at once: each takes the next case's index and runs it, until
     * every case has run or one client failed.
     */
    public static final class Clients {

        private final int cases;
        private final IntConsumer runCase;
        private final AtomicInteger next = new AtomicInteger();
        private final ExecutorService threads;
        private final List<Future<?>> running = new ArrayList<>();
        private volatile Throwable failure;

        public Clients(int clients, int cases, IntConsumer runCase) {
            this.cases = cases;
            this.runCase = runCase;
            this.threads = Executors.newFixedThreadPool(clients);
            for (int i = 0; i < clients; i++) {
                running.add(threads.submit(this::run));
            }
        }

        private void run() {
            try {
                for (int index = next.getAndIncrement(); index < cases && failure == null; index = next.getAndIncrement()) {
                    runCase.accept(index);
                }
            } catch (Throwable failed) {
                failure = failed;
            }
        }

        /** What made a client stop, or null. */
        public Throwable failure() {
            return failure;
        }

        /** Waits for every client to run out of cases; a client's failure fails the test. */
        public void finish(Duration within) throws Exception {
            for (Future<?> client : running) {
                client.get(within.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (failure != null) {
                throw new AssertionError("A client failed", failure);
            }
        }

        public void stop() {
            threads.shutdownNow();
        }
    }
}
