package cn.ola.dashboard;

import java.util.Arrays;
import java.util.List;

import cn.ola.filing.Stage;

/** How the dashboard measures the stages. */
final class CaseStages {

    private CaseStages() {
    }

    /** Stages whose time is measured on their own: every stage that does not run side by side with others. */
    static List<String> measured() {
        return Arrays.stream(Stage.values()).filter(stage -> stage.block().isEmpty() && stage.caseStandsIn()).map(Enum::name).toList();
    }
}
