package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseTaskNamesTest {

    static final String STEP = "Check the application at intake";

    @Test
    void aTaskNameSaysTheStepTheApplicationNumberAndTheCompany() {
        String name = CaseTaskNames.of(STEP, "OLA-2026-000123", " 示例数据科技股份有限公司 ");

        assertThat(name).isEqualTo("Check the application at intake · OLA-2026-000123 · 示例数据科技股份有限公司");
        assertThat(CaseTaskNames.namesTheCase(name)).isTrue();
        assertThat(CaseTaskNames.namesTheCase(STEP)).isFalse();
    }

    @Test
    void pagesAboutOneCaseShowTheStepAloneWhetherTheNameSaysTheCaseOrNot() {
        assertThat(CaseTaskNames.step(CaseTaskNames.of(STEP, "OLA-2026-000123", "示例数据科技股份有限公司"))).isEqualTo(STEP);
        assertThat(CaseTaskNames.step(STEP)).isEqualTo(STEP);
        assertThat(CaseTaskNames.step(null)).isNull();
    }

    @Test
    void withoutACompanyNameTheNumberAloneSaysWhichCase() {
        assertThat(CaseTaskNames.of(STEP, "OLA-2026-000123", null)).isEqualTo(STEP + " · OLA-2026-000123");
        assertThat(CaseTaskNames.of(STEP, "OLA-2026-000123", " ")).isEqualTo(STEP + " · OLA-2026-000123");
    }

    @Test
    void aCompanyNameTooLongForCamundasNameColumnIsCutShortVisibly() {
        String name = CaseTaskNames.of(STEP, "OLA-2026-000123", "很".repeat(300));

        assertThat(name).hasSize(CaseTaskNames.MAX_LENGTH).startsWith(STEP + " · OLA-2026-000123 · 很").endsWith("很…");
    }
}
