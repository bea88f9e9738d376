package cn.ola.staff;

import static cn.ola.staff.StaffTestCases.rows;
import static cn.ola.staff.StaffTestCases.section;
import static cn.ola.staff.StaffTestCases.text;
import static cn.ola.staff.StaffTestCases.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.ola.company.Companies;
import cn.ola.company.Company;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplications;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.workflow.CaseWorkflow;

/** The audit trail of a case as CSV and as a printable page, during the case and after it has ended. */
@DevSystemTest
class AuditTrailExportIT {

    static final String HEADER = "time,actor,event,step,outcome,details";

    @LocalServerPort
    int port;
    @Autowired
    Companies companies;
    @Autowired
    ListingApplications applications;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessEngine engine;

    StaffTestCases cases;
    Browserless staff;
    String companyName;

    @BeforeEach
    void setUp() {
        cases = new StaffTestCases(companies, applications, workflow, tasks, identity);
        staff = new Browserless(port);
        staff.login("cro", "demo");
        companyName = "华北数据链" + unique() + "股份有限公司";
    }

    @Test
    void theCsvHoldsTheWholeTrailInOrderWithChineseTextThatExcelReads() {
        ApplicationNumber number = caseWithIntakeDoneAndWithdrawn();

        HttpResponse<String> csv = staff.get("/staff/applications/" + number + "/audit.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + number + "-audit.csv\"");
        assertThat(csv.body()).startsWith("\uFEFF" + HEADER + "\r\n");

        List<List<String>> records = parse(csv.body().substring(1));
        assertThat(records.get(0)).containsExactly("time", "actor", "event", "step", "outcome", "details");
        List<List<String>> trail = records.subList(1, records.size());
        assertThat(trail).allSatisfy(r -> assertThat(r).hasSize(6));
        assertThat(trail).allSatisfy(r -> assertThat(r.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+08:00"));
        for (int i = 1; i < trail.size(); i++) {
            assertThat(OffsetDateTime.parse(trail.get(i).get(0))).as("row " + i)
                    .isAfterOrEqualTo(OffsetDateTime.parse(trail.get(i - 1).get(0)));
        }

        assertThat(trail.get(0)).containsSubsequence("compliance", "SUBMITTED", "", "SUBMITTED");
        assertThat(trail).anySatisfy(r -> assertThat(r.subList(1, 5))
                .containsExactly("system", "SCREENING", "cybersecurity-review-requirement", "MANDATORY"));
        int intake = indexOf(trail, "TASK_COMPLETED", "Check the application at intake");
        assertThat(trail.get(intake)).containsExactly(trail.get(intake).get(0), "csrc", "TASK_COMPLETED",
                "Check the application at intake", "COMPLETE", "reasons: 材料齐全，\"同意\"受理, 请按期补充");
        int outcome = indexOf(trail, "OUTCOME", "INTAKE_CHECK");
        assertThat(trail.get(outcome).get(1)).isEqualTo("csrc");
        int withdrawal = indexOf(trail, "WITHDRAWAL_REQUESTED", "");
        assertThat(trail.get(withdrawal)).containsSubsequence("compliance", "WITHDRAWAL_REQUESTED")
                .contains(companyName + "决定推迟上市。");
        int closed = indexOf(trail, "CLOSED", "");
        assertThat(trail.get(closed).get(4)).isEqualTo("WITHDRAWN");
        assertThat(indexOf(trail, "SUBMITTED", "")).isLessThan(intake);
        assertThat(intake).isLessThan(closed);
        // The raw text: quotes doubled and the cell quoted because of its comma.
        assertThat(csv.body()).contains(",\"reasons: 材料齐全，\"\"同意\"\"受理, 请按期补充\"\r\n");
    }

    @Test
    void thePrintablePageShowsTheSameTrailWithThePrintStylesheet() {
        ApplicationNumber number = caseWithIntakeDoneAndWithdrawn();

        HttpResponse<String> page = staff.get("/staff/applications/" + number + "/audit");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<link rel=\"stylesheet\" href=\"/css/staff.css\">");
        assertThat(text(page.body())).contains("Audit trail of " + number).contains(companyName).contains("Withdrawn");
        List<String> shown = rows(page.body(), "timeline");
        List<List<String>> exported = parse(staff.get("/staff/applications/" + number + "/audit.csv").body().substring(1));
        assertThat(shown).hasSameSizeAs(exported);
        assertThat(shown).anySatisfy(row -> assertThat(row).contains("csrc").contains("Check the application at intake")
                .contains("材料齐全"));
        String css = staff.get("/css/staff.css").body();
        assertThat(css).contains("@media print").contains(".masthead, .no-print");
    }

    @Test
    void theTrailSurvivesTheEndOfTheCaseAndTheCleanupOfTheEnginesHistory() {
        ApplicationNumber number = caseWithIntakeDoneAndWithdrawn();
        List<String> ended = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number.toString())
                .list().stream().map(HistoricProcessInstance::getId).toList();
        assertThat(ended).isNotEmpty();

        // What Camunda's history cleanup does once the retention period is over.
        history.deleteHistoricProcessInstancesIfExists(ended);

        List<List<String>> trail = parse(staff.get("/staff/applications/" + number + "/audit.csv").body().substring(1));
        assertThat(trail).extracting(r -> r.get(2)).contains("SUBMITTED", "SCREENING", "OUTCOME", "WITHDRAWAL_REQUESTED", "CLOSED")
                .doesNotContain("TASK_COMPLETED");
        assertThat(trail).anySatisfy(r -> assertThat(r).containsSubsequence("csrc", "OUTCOME", "INTAKE_CHECK", "COMPLETE"));
        HttpResponse<String> view = staff.get("/staff/applications/" + number);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(text(section(view.body(), "case-status"))).startsWith("Withdrawn");
    }

    @Test
    void closedCasesKeepTheirEngineHistoryForTheStatutoryPeriod() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P3650D");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(CaseWorkflow.PROCESS_KEY).latestVersion()
                .singleResult().getHistoryTimeToLive()).isEqualTo(3650);
    }

    private ApplicationNumber caseWithIntakeDoneAndWithdrawn() {
        Company company = cases.register(companyName, "North China Datachain Co., Ltd.");
        ApplicationNumber number = cases.submit(company, 3_200_000L);
        cases.completeAs("csrc", "csrc-officer", number, "Task_IntakeCheck",
                Map.of("intakeOutcome", "COMPLETE", "reasons", "材料齐全，\"同意\"受理, 请按期补充"));
        workflow.withdraw(number, "compliance", companyName + "决定推迟上市。");
        return number;
    }

    private static int indexOf(List<List<String>> trail, String event, String step) {
        for (int i = 0; i < trail.size(); i++) {
            if (trail.get(i).get(2).equals(event) && (step.isEmpty() || trail.get(i).get(3).equals(step))) {
                return i;
            }
        }
        throw new AssertionError("No " + event + " " + step + " in " + trail);
    }

    /** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                cell.append(ch);
            }
        }
        if (!record.isEmpty() || cell.length() > 0) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
