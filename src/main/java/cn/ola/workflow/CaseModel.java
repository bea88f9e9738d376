package cn.ola.workflow;

import java.util.Arrays;
import java.util.Optional;

import cn.ola.filing.Stage;

/**
 * The process models of a case ({@code bpmn/<key>.bpmn}), each with the stage its staff tasks belong
 * to. A model that several stages call (a member agency's opinion, the company's reports and
 * supplements) has no stage of its own: its tasks belong to the stage of the caller.
 * {@code CaseVocabularyTest} holds this list against the models. The member agency's opinion is one model
 * deployed once per agency ({@code member-agency-opinion-<agency>}, {@link AgencyOpinionDefinitions}).
 */
public enum CaseModel {
    OVERSEAS_LISTING("overseas-listing", Stage.INTAKE_CHECK),
    CYBERSECURITY_REVIEW("cybersecurity-review", Stage.CYBERSECURITY_REVIEW),
    DATA_PROTECTION_CHECKS("data-protection-checks", Stage.DATA_PROTECTION),
    INDUSTRY_APPROVAL("industry-approval", Stage.INDUSTRY_APPROVAL),
    CSRC_FILING("csrc-filing", Stage.CSRC_FILING),
    /** After the listing: a cybersecurity review the review office opens on its own initiative. */
    EX_OFFICIO_REVIEW("ex-officio-review", Stage.EX_OFFICIO_REVIEW),
    MEMBER_AGENCY_OPINION("member-agency-opinion", null),
    COMPANY_REPORT("company-report", null),
    SUPPLEMENTARY_MATERIALS("supplementary-materials", null),
    /** A listed company's material event: started from a listed case, it leaves that case's status and stages alone. */
    MATERIAL_EVENT("material-event", Stage.AFTER_LISTING),
    /**
     * A listed company's later offering on the market where it is listed: started from a listed case, it
     * leaves that case's status and stages alone.
     */
    SUBSEQUENT_OFFERING("subsequent-offering", Stage.AFTER_LISTING);

    private final String key;
    private final Stage stage;

    CaseModel(String key, Stage stage) {
        this.key = key;
        this.stage = stage;
    }

    /** The process definition key (the model's file name). */
    public String key() {
        return key;
    }

    /** The stage the model's staff tasks belong to; empty for a model called from several stages. */
    public Optional<Stage> stage() {
        return Optional.ofNullable(stage);
    }

    /** Whether the model is one of the checks that run side by side (the stage of its process runs in a block). */
    public boolean isParallelCheck() {
        return stage != null && stage.block().isPresent();
    }

    /** The model of this process definition key, if it is one of ours (an agency's opinion: the opinion's model). */
    public static Optional<CaseModel> of(String key) {
        if (key != null && key.startsWith(MEMBER_AGENCY_OPINION.key + "-")) {
            return Optional.of(MEMBER_AGENCY_OPINION);
        }
        return Arrays.stream(values()).filter(model -> model.key.equals(key)).findFirst();
    }

    /** The key under which a definition is worded on pages: its model's key (one for every agency's opinion). */
    public static String wordingKey(String definitionKey) {
        return of(definitionKey).map(CaseModel::key).orElse(definitionKey);
    }
}
