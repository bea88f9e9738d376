package cn.ola.applicant;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ola.applicant.InvalidApplicationException.FieldProblem;
import cn.ola.applicant.InvalidApplicationException.Problem;
import cn.ola.audit.AuditEvent;
import cn.ola.audit.AuditEventType;
import cn.ola.audit.AuditTrail;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.CaseStatus;
import cn.ola.filing.Exchanges;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications;
import cn.ola.filing.ListingFacts;
import cn.ola.filing.ListingsElsewhere;
import cn.ola.workflow.ApplicationNotFoundException;
import cn.ola.workflow.CaseNotWaitingException;

/**
 * A company listed abroad that lists on another market goes the way of a first listing (Trial Measures
 * Art. 16): a new application, screened like any other. Started from the listed case, it is linked to it
 * and begins with what the company filed there — its data and business, and the listed market with the
 * listing's date as its earlier listing, which the screening reads.
 */
@Service
public class ListingOnAnotherMarket {

    private final ApplicantCases cases;
    private final ListingApplications applications;
    private final ListingsElsewhere links;
    private final AuditTrail audit;

    ListingOnAnotherMarket(ApplicantCases cases, ListingApplications applications, ListingsElsewhere links, AuditTrail audit) {
        this.cases = cases;
        this.applications = applications;
        this.links = links;
        this.audit = audit;
    }

    /** The cases an application is linked with: the listed case it follows, and those started from it. */
    public record Links(Optional<ListingApplication> follows, List<ListingApplication> following) {
    }

    /**
     * Starts the application for {@code exchange} from the listed case, or returns the draft the company
     * started from it for that market before (a double click starts one). The listed case's row lock keeps
     * two such starts apart.
     */
    @Transactional
    public ListingApplication start(String userId, ApplicationNumber listedNumber, String exchange) {
        ListingApplication listed = cases.application(userId, listedNumber);
        String code = exchange == null ? "" : exchange.trim();
        if (code.isEmpty()) {
            throw new InvalidApplicationException(List.of(new FieldProblem("exchange", Problem.REQUIRED)));
        }
        if (!Exchanges.CODES.contains(code)) {
            throw new InvalidApplicationException(List.of(new FieldProblem("exchange", Problem.UNKNOWN_VALUE)));
        }
        listed = applications.findForUpdate(listed.id())
                .orElseThrow(() -> new ApplicationNotFoundException(listedNumber.toString()));
        if (!CaseStatus.LISTED.name().equals(listed.status())) {
            throw new CaseNotWaitingException("Application " + listedNumber + " is " + listed.status()
                    + ": only a case listed abroad starts an application for another market from itself.");
        }
        String listedExchange = listed.facts() == null ? null : listed.facts().get(ListingFacts.VENUE_EXCHANGE);
        if (code.equals(listedExchange) && !Exchanges.OTHER.equals(code)) {
            throw new InvalidApplicationException(List.of(new FieldProblem("exchange", Problem.SAME_MARKET)));
        }
        for (long id : links.following(listed.id())) {
            Optional<ListingApplication> earlier = applications.find(id)
                    .filter(draft -> !draft.submitted() && draft.facts() != null && code.equals(draft.facts().get(ListingFacts.VENUE_EXCHANGE)));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        var facts = listed.facts().onAnotherMarket(code, Exchanges.REGIONS.get(code), listedOn(listed.id()));
        ListingApplication draft = cases.createDraft(userId, new ApplicationDraft(facts,
                applications.cloudContracts(listed.id())));
        links.link(draft.id(), listed.id());
        return applications.find(draft.id()).orElseThrow();
    }

    /** What the company may see of the links of one of its applications. */
    public Links of(String userId, long applicationId) {
        ListingApplication application = cases.application(userId, applicationId);
        return new Links(links.follows(application.id()).flatMap(applications::find),
                links.following(application.id()).stream().flatMap(id -> applications.find(id).stream()).toList());
    }

    /** The day the listed case reported its listing, which the new application names as its earlier listing. */
    private LocalDate listedOn(long listedId) {
        List<AuditEvent> trail = audit.of(listedId);
        for (int i = trail.size() - 1; i >= 0; i--) {
            if (trail.get(i).is(AuditEventType.LISTING_REPORTED) && trail.get(i).outcome() != null) {
                return LocalDate.parse(trail.get(i).outcome());
            }
        }
        return null;
    }
}
