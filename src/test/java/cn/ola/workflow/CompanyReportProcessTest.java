package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dates a company owes the regulator, each a step of the company's own in the portal: the date
 * of the overseas application and the date of the listing (due when the filing lapses). Their
 * callers (the CSRC filing and the overseas listing) test what follows from the dates.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/company-report.bpmn")
class CompanyReportProcessTest {

    private static final String PROCESS = "company-report";
    private static final String APPLICATION = "OLA-2026-000123";
    private static final String COMPANY = "company-91110000MA01ABCD1X";

    ProcessEngine engine;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @Test
    void theCompanyReportsTheDateOfItsOverseasApplication() {
        ProcessInstance report = start("OVERSEAS_SUBMISSION", null);

        assertThat(report).isWaitingAt("Task_ReportOverseasSubmission");
        Task step = task("Task_ReportOverseasSubmission", report);
        assertThat(step).hasCandidateGroup(COMPANY).hasName("Report the date of the overseas application");
        assertThat(step.getDueDate()).isNull();
        assertThat(taskQuery().taskId(step.getId()).initializeFormKeys().singleResult())
                .hasFormKey("portal:report-overseas-submission");

        complete(step, withVariables(ProcessVariables.OVERSEAS_SUBMISSION_DATE, "2026-03-04"));

        assertThat(report).isEnded().hasPassed("End_OverseasSubmissionReported").hasNotPassed("Task_ReportListing")
                .variables().containsEntry(ProcessVariables.OVERSEAS_SUBMISSION_DATE, "2026-03-04");
    }

    @Test
    void theCompanyReportsTheListingByTheDayTheFilingLapses() {
        Date lapses = Date.from(LocalDate.of(2027, 3, 2).atTime(LocalTime.of(10, 0)).atZone(Deadlines.BEIJING).toInstant());
        ProcessInstance report = start("LISTING", lapses);

        assertThat(report).isWaitingAt("Task_ReportListing");
        Task step = task("Task_ReportListing", report);
        assertThat(step).hasCandidateGroup(COMPANY).hasName("Report the completed listing").hasDueDate(lapses);
        assertThat(taskQuery().taskId(step.getId()).initializeFormKeys().singleResult()).hasFormKey("portal:report-listing");

        complete(step, withVariables(ProcessVariables.LISTING_DATE, "2026-06-30"));

        assertThat(report).isEnded().hasPassed("End_ListingReported").hasNotPassed("Task_ReportOverseasSubmission")
                .variables().containsEntry(ProcessVariables.LISTING_DATE, "2026-06-30");
    }

    private ProcessInstance start(String kind, Date listingReportDue) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.REPORT_KIND, kind);
        variables.put(ProcessVariables.LISTING_REPORT_DUE, listingReportDue);
        variables.put(ProcessVariables.APPLICATION_NUMBER, APPLICATION);
        variables.put(ProcessVariables.COMPANY_GROUP, COMPANY);
        return runtimeService().startProcessInstanceByKey(PROCESS, APPLICATION, variables);
    }
}
