package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class MemberAgenciesTest {

    final MemberAgencies agencies = new MemberAgencies();
    final Map<String, Object> processVariables = new HashMap<>();
    final DelegateExecution process = execution(processVariables);

    @Test
    void theTwelveMemberUnitsOfArticleFourCanBeConsulted() {
        assertThat(MemberAgencies.Agency.values()).extracting(MemberAgencies.Agency::code).containsExactly(
                "ndrc", "miit", "mps", "mss", "mof", "mofcom", "pboc", "samr", "nrta", "csrc", "nassp", "sca");
        assertThat(MemberAgencies.Agency.MOFCOM.consultVariable()).isEqualTo("consultMofcom");
        assertThat(MemberAgencies.Agency.PBOC.englishName()).isEqualTo("People's Bank of China");
    }

    @Test
    void onlyTheAgenciesTheOfficeTickedAreConsulted() {
        processVariables.put("consultMps", true);
        processVariables.put("consultCsrc", true);
        processVariables.put("consultNdrc", false);
        processVariables.put("consultSca", null);

        assertThat(agencies.selected(process)).containsExactly("mps", "csrc");
    }

    @Test
    void withNothingTickedNoAgencyIsConsulted() {
        assertThat(agencies.selected(process)).isEmpty();
    }

    @Test
    void aConsultationStartsWithNobodyDisagreeing() {
        processVariables.put(ProcessVariables.AGENCIES_DISAGREEING, 3);

        agencies.openConsultation(process);

        assertThat(processVariables).containsEntry(ProcessVariables.AGENCIES_DISAGREEING, 0)
                .containsEntry(ProcessVariables.AGENCY_DISAGREEMENTS, "");
    }

    @Test
    void eachDisagreementIsCountedWithItsReasons() {
        agencies.openConsultation(process);

        agencies.recordOpinion(opinionTask("mps", "DISAGREE", "Public-security data"));
        agencies.recordOpinion(opinionTask("ndrc", "AGREE", null));
        agencies.recordOpinion(opinionTask("mss", "DISAGREE", "Foreign access to core data"));

        assertThat(processVariables).containsEntry(ProcessVariables.AGENCIES_DISAGREEING, 2)
                .containsEntry(ProcessVariables.AGENCY_DISAGREEMENTS, "MPS: Public-security data\nMSS: Foreign access to core data");
    }

    @Test
    void anAgreementChangesNothing() {
        agencies.openConsultation(process);

        agencies.recordOpinion(opinionTask("ndrc", "AGREE", "Fine"));

        assertThat(processVariables).containsEntry(ProcessVariables.AGENCIES_DISAGREEING, 0)
                .containsEntry(ProcessVariables.AGENCY_DISAGREEMENTS, "");
    }

    @Test
    void theSummaryOfDisagreementsStaysWithinTheEnginesTextLimit() {
        agencies.openConsultation(process);
        String longReasons = "x".repeat(3000);

        agencies.recordOpinion(opinionTask("mps", "DISAGREE", longReasons));
        agencies.recordOpinion(opinionTask("mss", "DISAGREE", longReasons));

        String summary = (String) processVariables.get(ProcessVariables.AGENCY_DISAGREEMENTS);
        assertThat(summary).hasSize(MemberAgencies.MAX_TEXT).startsWith("MPS: xxx").endsWith("…");
        assertThat(processVariables).containsEntry(ProcessVariables.AGENCIES_DISAGREEING, 2);
    }

    /** An agency's consultation as it ends: its opinion and reasons local to it, as the call activity maps them back. */
    private DelegateExecution opinionTask(String agency, String opinion, String reasons) {
        Map<String, Object> local = new HashMap<>();
        local.put(ProcessVariables.MEMBER_AGENCY, agency);
        local.put(ProcessVariables.AGENCY_OPINION, opinion);
        local.put(ProcessVariables.AGENCY_REASONS, reasons);
        DelegateExecution consultation = mock(DelegateExecution.class);
        when(consultation.getProcessInstance()).thenReturn(process);
        when(consultation.getVariableLocal(anyString())).thenAnswer(call -> local.get(call.<String>getArgument(0)));
        when(consultation.getVariable(anyString())).thenAnswer(call -> {
            String name = call.getArgument(0);
            return local.containsKey(name) ? local.get(name) : processVariables.get(name);
        });
        return consultation;
    }

    private static DelegateExecution execution(Map<String, Object> variables) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
                .when(execution).setVariable(anyString(), any());
        return execution;
    }
}
