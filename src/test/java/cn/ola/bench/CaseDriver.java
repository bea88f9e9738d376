package cn.ola.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Carries cases from filing to their end with a pool of driver threads. Each case is a little
 * state machine that a thread advances one step at a time: file it; then, on every step, look
 * for the case's open tasks and complete each as the user whose task it is, with Camunda's
 * authorization checks on (signed in as that user, the task found through the user's group,
 * claimed, completed). A case waiting for the engine (a letter being printed by the job
 * executor) is looked at again a little later, and later each time it is still waiting, so the threads keep
 * serving other cases.
 * At most {@code threads × 6} cases are in flight; a new one is filed whenever one ends.
 */
final class CaseDriver {

    /** What differs between our application and the bare baseline. */
    interface Script {
        /** Files the case; the submission itself is timed into {@code submission}. */
        void start(DrivenCase driven, Latency submission);

        /** Something the company does on its own initiative (withdrawing); true when it acted. */
        boolean initiative(DrivenCase driven, Latency taskCompletion);

        /** The open tasks of the case, as the engine has them (the notification the users get). */
        List<Task> openTasks(DrivenCase driven);

        /** Completes one open task as its user; true when done. */
        boolean complete(DrivenCase driven, Task task);

        boolean ended(DrivenCase driven);
    }

    /** One case on its way. Touched by one thread at a time (a case is never scheduled twice). */
    static final class DrivenCase {
        final int index;
        final CaseMix kind;
        final String companyUser;
        long applicationId;
        String businessKey;
        boolean intakeDone;
        boolean materialsRequested;
        boolean withdrawn;
        int failures;
        /** Looks in a row that found nothing to do: the case waits for the engine (a letter being printed). */
        int idleLooks;

        DrivenCase(int index, CaseMix kind, String companyUser) {
            this.index = index;
            this.kind = kind;
            this.companyUser = companyUser;
        }
    }

    /** A case's task the driver does not know how to do: the case cannot end and is given up. */
    static final class UnexpectedTaskException extends RuntimeException {
        UnexpectedTaskException(String message) {
            super(message);
        }
    }

    /** What a run produced. */
    record Outcome(int cases, int ended, int failed, long tasks, double seconds, Latency submission, Latency taskCompletion,
            long retries, long idleLooks) {
        double casesPerSecond() {
            return ended / seconds;
        }

        double tasksPerSecond() {
            return tasks / seconds;
        }
    }

    private final String label;
    private final Settings settings;
    private final Script script;
    private final List<BenchPeople.BenchCompany> companies;

    CaseDriver(String label, Settings settings, Script script, List<BenchPeople.BenchCompany> companies) {
        this.label = label;
        this.settings = settings;
        this.script = script;
        this.companies = companies;
    }

    Outcome run(int cases) throws InterruptedException {
        return run(0, cases);
    }

    /**
     * Carries the cases of indexes {@code from} to {@code from + cases - 1} to their ends (the index decides
     * a case's kind and company, and names a bare-engine case): a workload measured in turns gets the same
     * cases as in one go.
     */
    Outcome run(int from, int cases) throws InterruptedException {
        Latency submission = new Latency();
        Latency taskCompletion = new Latency();
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong tasks = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        AtomicLong idleLooks = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(cases);
        ScheduledExecutorService drivers = new ScheduledThreadPoolExecutor(settings.threads(), ThreadCpu.counted("case-driver"));
        long start = System.nanoTime();

        class Step implements Runnable {
            final DrivenCase driven;

            Step(DrivenCase driven) {
                this.driven = driven;
            }

            @Override
            public void run() {
                try {
                    if (driven.businessKey == null) {
                        script.start(driven, submission);
                        submitted.incrementAndGet();
                        again(0);
                        return;
                    }
                    if (script.initiative(driven, taskCompletion)) {
                        driven.idleLooks = 0;
                        again(0);
                        return;
                    }
                    int done = 0;
                    for (Task task : script.openTasks(driven)) {
                        long before = System.nanoTime();
                        if (script.complete(driven, task)) {
                            taskCompletion.record(System.nanoTime() - before);
                            done++;
                        }
                    }
                    if (done > 0) {
                        tasks.addAndGet(done);
                        driven.idleLooks = 0;
                        again(0);
                    } else if (script.ended(driven)) {
                        ended.incrementAndGet();
                        finish();
                    } else {
                        idleLooks.incrementAndGet();
                        again(lookAgainAfterMillis(driven.idleLooks++));
                    }
                } catch (UnexpectedTaskException e) {
                    System.out.printf("[%s] case %d given up: %s%n", label, driven.index, e.getMessage());
                    failed.incrementAndGet();
                    finish();
                } catch (RuntimeException e) {
                    // Optimistic locking against the job executor, a task claimed meanwhile: try the step again.
                    retries.incrementAndGet();
                    if (++driven.failures > 50) {
                        System.out.printf("[%s] case %d given up after 50 failed steps: %s%n", label, driven.index, e);
                        failed.incrementAndGet();
                        finish();
                    } else {
                        if (driven.failures == 1 && retries.get() <= 5) {
                            System.out.printf("[%s] case %d step failed, retrying: %s%n", label, driven.index, e);
                        }
                        again(50);
                    }
                }
            }

            void again(long delayMillis) {
                drivers.schedule(this, delayMillis, TimeUnit.MILLISECONDS);
            }

            void finish() {
                finished.countDown();
                fileNext();
            }

            void fileNext() {
                int index = next.getAndIncrement();
                if (index < from + cases) {
                    String user = companies.isEmpty() ? null : companies.get(index % companies.size()).user();
                    drivers.execute(new Step(new DrivenCase(index, CaseMix.of(index), user)));
                }
            }
        }

        int inFlight = Math.min(cases, settings.threads() * 6);
        for (int i = 0; i < inFlight; i++) {
            int index = next.getAndIncrement();
            String user = companies.isEmpty() ? null : companies.get(index % companies.size()).user();
            drivers.execute(new Step(new DrivenCase(index, CaseMix.of(index), user)));
        }
        long lastEnded = 0;
        long lastReport = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(settings.timeoutMinutes());
        while (!finished.await(5, TimeUnit.SECONDS)) {
            long now = System.nanoTime();
            int endedNow = ended.get();
            System.out.printf(Locale.ROOT, "[%s] %,d/%,d filed, %,d ended, %,d tasks done, %.1f cases/s (last 5 s), %.0f s%n",
                    label, submitted.get(), cases, endedNow, tasks.get(), (endedNow - lastEnded) / ((now - lastReport) / 1e9),
                    (now - start) / 1e9);
            lastEnded = endedNow;
            lastReport = now;
            if (now > deadline) {
                System.out.printf("[%s] STOPPED after %d minutes with %,d cases not ended%n", label, settings.timeoutMinutes(),
                        finished.getCount());
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        drivers.shutdownNow();
        drivers.awaitTermination(30, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "[%s] done: %,d cases ended in %.1f s (%.2f cases/s), %,d tasks (%.1f tasks/s), %,d retried steps, "
                + "%.1f looks at a waiting case per case%n", label, ended.get(), seconds, ended.get() / seconds, tasks.get(),
                tasks.get() / seconds, retries.get(), idleLooks.get() / (double) Math.max(1, ended.get()));
        return new Outcome(cases, ended.get(), failed.get(), tasks.get(), seconds, submission, taskCompletion, retries.get(),
                idleLooks.get());
    }

    /**
     * How long a case that is waiting for the engine is left before the next look: 20 ms after the
     * first look that found nothing to do, twice as long after each further one, at most 320 ms. Every
     * look costs the engine two queries (the case's tasks, whether it still runs), which the run counts
     * in the case's CPU; looking every 20 ms while a letter was printed cost a tenth of ours.
     */
    static long lookAgainAfterMillis(int idleLooksBefore) {
        return 20L << Math.min(idleLooksBefore, 4);
    }

    /** Completes a staff task as the user of the group, as Tasklist would: found through the group, claimed, completed. */
    static boolean completeAsStaff(TaskService tasks, IdentityService identity, BenchPeople.Staff staff, String taskId,
            Map<String, Object> variables) {
        identity.setAuthentication(staff.user(), List.of(staff.group()));
        try {
            Task visible = tasks.createTaskQuery().taskId(taskId).taskCandidateGroup(staff.group()).singleResult();
            if (visible == null) {
                return false;
            }
            tasks.claim(taskId, staff.user());
            tasks.complete(taskId, variables);
            return true;
        } finally {
            identity.clearAuthentication();
        }
    }
}
