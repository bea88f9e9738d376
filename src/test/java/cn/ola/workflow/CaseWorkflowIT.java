package cn.ola.workflow;

import cn.ola.support.DevSystemTest;

/** The case scenario on the embedded H2 database. */
@DevSystemTest
class CaseWorkflowIT extends CaseToFilingNoticeScenario {
}
