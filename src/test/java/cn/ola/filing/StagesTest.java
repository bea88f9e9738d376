package cn.ola.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StagesTest {

    @Test
    void aStageThatFollowsTheOneBeforeReplacesEveryCurrentStage() {
        assertThat(Stages.entered(Set.of("INTAKE_CHECK"), "REGULATORY_CHECKS")).containsExactly("REGULATORY_CHECKS");
        assertThat(Stages.entered(Set.of("CYBERSECURITY_REVIEW", "INDUSTRY_APPROVAL"), "CSRC_FILING"))
                .containsExactly("CSRC_FILING");
    }

    @Test
    void checksStandSideBySideInsteadOfTheirBlockAndTheBlockShowsAgainWhenTheLastEnds() {
        Set<String> review = Stages.entered(Set.of("REGULATORY_CHECKS"), "CYBERSECURITY_REVIEW");
        Set<String> both = Stages.entered(review, "DATA_PROTECTION");
        assertThat(both).containsExactlyInAnyOrder("CYBERSECURITY_REVIEW", "DATA_PROTECTION");

        assertThat(Stages.ended(both, "DATA_PROTECTION")).containsExactly("CYBERSECURITY_REVIEW");
        assertThat(Stages.ended(Set.of("CYBERSECURITY_REVIEW"), "CYBERSECURITY_REVIEW")).containsExactly("REGULATORY_CHECKS");
        // An end the case had moved past already changes nothing.
        assertThat(Stages.ended(Set.of("CSRC_FILING"), "DATA_PROTECTION")).containsExactly("CSRC_FILING");
    }

    @Test
    void aCaseInTheChecksTakesTheChecksUnderWayAndACaseElsewhereKeepsItsStages() {
        assertThat(Stages.withChecksUnderWay(Set.of("DATA_PROTECTION"), Set.of("CYBERSECURITY_REVIEW", "DATA_PROTECTION")))
                .containsExactlyInAnyOrder("CYBERSECURITY_REVIEW", "DATA_PROTECTION");
        assertThat(Stages.withChecksUnderWay(Set.of("REGULATORY_CHECKS"), Set.of("INDUSTRY_APPROVAL")))
                .containsExactly("INDUSTRY_APPROVAL");
        assertThat(Stages.withChecksUnderWay(Set.of("CSRC_FILING"), Set.of("DATA_PROTECTION"))).containsExactly("CSRC_FILING");
        assertThat(Stages.withChecksUnderWay(Set.of("DATA_PROTECTION"), Set.of())).containsExactly("DATA_PROTECTION");
    }

    @Test
    void stagesAreListedInTheOrderOfTheProcess() {
        assertThat(Stages.inProcessOrder(List.of("INDUSTRY_APPROVAL", "SOMETHING_NEW", "CYBERSECURITY_REVIEW")))
                .containsExactly("CYBERSECURITY_REVIEW", "INDUSTRY_APPROVAL", "SOMETHING_NEW");
    }
}
