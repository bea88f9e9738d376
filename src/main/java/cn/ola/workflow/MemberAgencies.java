package cn.ola.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The member units of the national cybersecurity review mechanism that the Cybersecurity Review
 * Office consults on its initial opinion (Measures for Cybersecurity Review 2021, Arts. 4 and 12).
 * The model {@code cybersecurity-review} creates one task per agency the office ticked
 * ({@code ${memberAgencies.selected(execution)}}) and counts the agencies that disagree.
 *
 * <p>No process variable may be called {@code memberAgencies}: it would hide this bean in expressions.
 */
@Component("memberAgencies")
public class MemberAgencies {

    public static final String AGREE = "AGREE";
    public static final String DISAGREE = "DISAGREE";

    /** A string variable longer than this no longer fits the engine's text column. */
    static final int MAX_TEXT = 4000;

    /** The member units named in Art. 4 besides the office itself; the code names the Camunda group. */
    public enum Agency {
        NDRC("National Development and Reform Commission"),
        MIIT("Ministry of Industry and Information Technology"),
        MPS("Ministry of Public Security"),
        MSS("Ministry of State Security"),
        MOF("Ministry of Finance"),
        MOFCOM("Ministry of Commerce"),
        PBOC("People's Bank of China"),
        SAMR("State Administration for Market Regulation"),
        NRTA("National Radio and Television Administration"),
        CSRC("China Securities Regulatory Commission"),
        NASSP("National Administration of State Secrets Protection"),
        SCA("State Cryptography Administration");

        private final String englishName;

        Agency(String englishName) {
            this.englishName = englishName;
        }

        /** Lower-case code: the suffix of the candidate group {@code review-member-agency-<code>}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String englishName() {
            return englishName;
        }

        /**
         * The key of the agency's own definition of the opinion ({@link AgencyOpinionDefinitions}): its
         * tasks are offered to this agency alone, so the agency can see all of them through one grant.
         */
        public String opinionProcess() {
            return CaseModel.MEMBER_AGENCY_OPINION.key() + "-" + code();
        }

        /** The form's checkbox by which the office consults this agency. */
        public String consultVariable() {
            return ProcessVariables.consult(code());
        }
    }

    /** Codes of the agencies the office chose to consult, in the order of Art. 4. */
    public List<String> selected(DelegateExecution execution) {
        List<String> codes = new ArrayList<>();
        for (Agency agency : Agency.values()) {
            if (Boolean.TRUE.equals(execution.getVariable(agency.consultVariable()))) {
                codes.add(agency.code());
            }
        }
        return codes;
    }

    /** The definition that a consultation of the agency with this code calls: the agency's own. */
    public String opinionProcess(String code) {
        return Agency.valueOf(code.toUpperCase(Locale.ROOT)).opinionProcess();
    }

    /** Opens a round of consultation: nobody has disagreed yet. */
    public void openConsultation(DelegateExecution execution) {
        execution.setVariable(ProcessVariables.AGENCIES_DISAGREEING, 0);
        execution.setVariable(ProcessVariables.AGENCY_DISAGREEMENTS, "");
    }

    /**
     * Counts an agency's opinion when its consultation ends. The opinion and reasons come back
     * local to the agency's instance of the call activity; a disagreement is added to the
     * process-wide count and summary. A consultation ended without an opinion (the case was
     * withdrawn or refused meanwhile) counts as nothing.
     */
    public void recordOpinion(DelegateExecution consultation) {
        if (!DISAGREE.equals(consultation.getVariableLocal(ProcessVariables.AGENCY_OPINION))) {
            return;
        }
        DelegateExecution instance = consultation.getProcessInstance();
        Number disagreeing = (Number) instance.getVariable(ProcessVariables.AGENCIES_DISAGREEING);
        instance.setVariable(ProcessVariables.AGENCIES_DISAGREEING, (disagreeing == null ? 0 : disagreeing.intValue()) + 1);

        String agency = String.valueOf(consultation.getVariable(ProcessVariables.MEMBER_AGENCY)).toUpperCase(Locale.ROOT);
        Object reasons = consultation.getVariableLocal(ProcessVariables.AGENCY_REASONS);
        String line = agency + ": " + (reasons == null ? "" : reasons);
        String before = (String) instance.getVariable(ProcessVariables.AGENCY_DISAGREEMENTS);
        String summary = before == null || before.isEmpty() ? line : before + "\n" + line;
        instance.setVariable(ProcessVariables.AGENCY_DISAGREEMENTS,
                summary.length() <= MAX_TEXT ? summary : summary.substring(0, MAX_TEXT - 1) + "…");
    }
}
