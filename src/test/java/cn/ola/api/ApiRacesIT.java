package cn.ola.api;

import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import cn.ola.filing.ApplicationNumber;
import cn.ola.support.DevSystemTest;
import cn.ola.support.RaceCases;

/**
 * Every action of the company API, and a staff task through the engine's REST API and Tasklist, raced on H2:
 * the routes run in the order of a case, each taking the cases the previous one left.
 */
@DevSystemTest
// Hundreds of cases raced: kept out of the shared system, whose Tasklist lists the other tests read.
@Tag("own-system")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiRacesIT extends ApiRaceScenario {

    private List<Long> drafts = List.of();
    private List<ApplicationNumber> cases = List.of();

    @Test
    @Order(1)
    void aDraftReplacedTwiceAtOnceKeepsOneVersion() {
        drafts = prepared().drafts(RaceCases.PAIRS);
        replaceDraftsTwiceAtOnce(drafts);
    }

    @Test
    @Order(2)
    void aDraftSubmittedTwiceAtOnceStartsOneCase() {
        cases = submitDraftsTwiceAtOnce(drafts);
    }

    @Test
    @Order(3)
    void aStaffTaskCompletedTwiceAtOnceThroughTheEngineApiOrTasklistIsCompletedOnce() {
        cases = completeIntakeChecksTwiceAtOnce(cases);
    }

    @Test
    @Order(4)
    void materialsSentTwiceAtOnceAnswerTheRequestOnce() {
        cases = answerRequestsTwiceAtOnce(cases);
    }

    @Test
    @Order(5)
    void theOverseasDateReportedTwiceAtOnceIsRecordedOnce() {
        cases = reportOverseasDatesTwiceAtOnce(prepared().passChecks(cases));
    }

    @Test
    @Order(6)
    void theListingReportedTwiceAtOnceEndsTheCaseOnce() {
        reportListingsTwiceAtOnce(prepared().issueFilingNotice(cases));
    }

    @Test
    @Order(7)
    void aCaseWithdrawnTwiceAtOnceIsWithdrawnOnce() {
        withdrawTwiceAtOnce(prepared().submitted(RaceCases.PAIRS));
    }
}
