package cn.ola.events;

import cn.ola.filing.ListingFacts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ola.applicant.ApplicantCases;
import cn.ola.audit.AuditEventType;
import cn.ola.audit.AuditTrail;
import cn.ola.company.Company;
import cn.ola.events.InvalidSubsequentOfferingException.FieldProblem;
import cn.ola.events.InvalidSubsequentOfferingException.Problem;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.CaseStatus;
import cn.ola.filing.Exchanges;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications;
import cn.ola.workflow.ApplicationNotFoundException;
import cn.ola.workflow.CaseNotWaitingException;
import cn.ola.workflow.CaseWorkflow;
import cn.ola.workflow.Deadlines;
import cn.ola.workflow.OpenStep;
import cn.ola.workflow.SubsequentOfferingProcess;

/**
 * A listed company's later offerings, for the portal and the API alike: filing one from the listed case,
 * reading its own with the CSRC's open supplement requests (answered like any request of the case). Every call names the user; an offering of
 * another company is not found, exactly like one that does not exist.
 * <p>
 * Only a LISTED case files one, and only on the market where it is listed: an offering on another
 * overseas market is a new listing abroad, filed as a new application with its screening.
 */
@Service
public class SubsequentOfferings {

    private final ApplicantCases cases;
    private final ListingApplications applications;
    private final SubsequentOfferingTable table;
    private final SubsequentOfferingProcess process;
    private final CaseWorkflow workflow;
    private final AuditTrail audit;
    private final Deadlines deadlines;
    private final Clock clock;

    SubsequentOfferings(ApplicantCases cases, ListingApplications applications, SubsequentOfferingTable table,
            SubsequentOfferingProcess process, CaseWorkflow workflow, AuditTrail audit, Deadlines deadlines, Clock clock) {
        this.cases = cases;
        this.applications = applications;
        this.table = table;
        this.process = process;
        this.workflow = workflow;
        this.audit = audit;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** What the company types: the exchange's code, the completion date and its account, as text to refuse per field. */
    public record Filing(String exchange, String completedOn, String description) {
    }

    /** Whether a case of this status may file a subsequent offering. */
    public static boolean mayFile(String status) {
        return CaseStatus.LISTED.name().equals(status);
    }

    /**
     * Files a later offering from the user's listed case and starts its handling. The same filing sent
     * again while the first is open (a double click) files nothing new and answers with the first.
     *
     * @throws OtherMarketException for an exchange other than the case's: a new listing abroad
     */
    @Transactional
    public SubsequentOffering file(String userId, ApplicationNumber number, Filing filing) {
        Company company = cases.companyOf(userId);
        cases.application(userId, number);
        Valid valid = validate(filing);
        // The case's row lock keeps two filings of one case apart, so that a double click files once.
        ListingApplication listed = applications.findForUpdate(number)
                .orElseThrow(() -> new ApplicationNotFoundException(number.toString()));
        if (!mayFile(listed.status())) {
            throw new CaseNotWaitingException("Application " + number + " cannot file a subsequent offering: only a listed "
                    + "case can, and this one is " + listed.status() + ".");
        }
        String listedOn = listed.facts() == null ? null : listed.facts().get(ListingFacts.VENUE_EXCHANGE);
        if (listedOn == null || !listedOn.equals(valid.exchange())) {
            throw new OtherMarketException(number.toString(), listedOn, valid.exchange());
        }
        Optional<Long> same = table.openWithSameFiling(listed.id(), valid.completedOn(), valid.description());
        if (same.isPresent()) {
            return table.find(same.get()).orElseThrow();
        }
        long id = table.insert(listed.id(), number, company.id(), valid.exchange(), valid.completedOn(), valid.description(),
                userId, clock.instant());
        audit.record(listed.id(), userId, AuditEventType.SUBSEQUENT_OFFERING_FILED, null, valid.completedOn().toString(),
                valid.description());
        String instance = process.start(number, company, new SubsequentOfferingProcess.Filing(id, valid.completedOn(),
                deadlines.today(), valid.description()));
        table.linkProcess(id, instance);
        return table.find(id).orElseThrow();
    }

    /**
     * The company withdraws its filing before the CSRC concludes, with its reason: every open step of the
     * offering ends, no letter is issued, the case stays listed. Sent again once withdrawn (a double click),
     * it answers with the withdrawn offering.
     *
     * @throws CaseNotWaitingException once the CSRC has concluded (or is issuing its letter)
     */
    @Transactional
    public SubsequentOffering withdraw(String userId, long offeringId, String reason) {
        SubsequentOffering offering = one(userId, offeringId);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new InvalidSubsequentOfferingException(List.of(new FieldProblem("reason", Problem.REQUIRED)));
        }
        if (text.length() > ApplicantCases.MAX_TEXT) {
            throw new InvalidSubsequentOfferingException(List.of(new FieldProblem("reason", Problem.TOO_LONG)));
        }
        // The case's row lock keeps a withdrawal and a second click of it apart.
        applications.findForUpdate(offering.applicationNumber())
                .orElseThrow(() -> new ApplicationNotFoundException(offering.applicationNumber().toString()));
        SubsequentOffering now = table.find(offeringId).orElseThrow();
        if (now.state() == SubsequentOfferingState.WITHDRAWN) {
            return now;
        }
        if (!now.open() || !process.withdrawable(now.processInstanceId()) || !process.withdraw(now.processInstanceId(), text)) {
            throw new CaseNotWaitingException("The subsequent offering " + offeringId + " of application "
                    + offering.applicationNumber() + " cannot be withdrawn: the CSRC has concluded on it.");
        }
        return table.find(offeringId).orElseThrow();
    }

    /** The offerings the CSRC is handling, for the supervisors' dashboard. */
    public OpenOfferings open() {
        return table.open();
    }

    /** The company's offerings, newest first. */
    public List<SubsequentOffering> ofCompany(String userId) {
        return table.ofCompany(cases.companyOf(userId).id());
    }

    /** The offerings filed from one of the company's cases, newest first. */
    public List<SubsequentOffering> ofCase(String userId, ApplicationNumber number) {
        return table.ofApplication(cases.application(userId, number).id());
    }

    public SubsequentOffering one(String userId, long offeringId) {
        Company company = cases.companyOf(userId);
        return table.find(offeringId).filter(offering -> offering.companyId() == company.id())
                .orElseThrow(() -> new ApplicationNotFoundException("subsequent offering " + offeringId));
    }

    /** The CSRC's open supplement requests for the offering. */
    public List<OpenStep> supplements(SubsequentOffering offering) {
        if (!offering.open()) {
            return List.of();
        }
        Set<String> ids = process.openSupplementTaskIds(offering.processInstanceId());
        if (ids.isEmpty()) {
            return List.of();
        }
        return workflow.materialsRequests(offering.applicationNumber()).stream().filter(step -> ids.contains(step.taskId()))
                .toList();
    }

    private record Valid(String exchange, LocalDate completedOn, String description) {
    }

    private Valid validate(Filing filing) {
        List<FieldProblem> problems = new ArrayList<>();
        String exchange = filing.exchange() == null ? "" : filing.exchange().strip();
        if (exchange.isEmpty()) {
            problems.add(new FieldProblem("exchange", Problem.REQUIRED));
        } else if (!Exchanges.CODES.contains(exchange)) {
            problems.add(new FieldProblem("exchange", Problem.UNKNOWN_VALUE));
        }
        LocalDate completedOn = null;
        if (filing.completedOn() == null || filing.completedOn().isBlank()) {
            problems.add(new FieldProblem("completedOn", Problem.REQUIRED));
        } else {
            try {
                completedOn = LocalDate.parse(filing.completedOn().strip());
                if (completedOn.isAfter(deadlines.today())) {
                    problems.add(new FieldProblem("completedOn", Problem.IN_THE_FUTURE));
                }
            } catch (DateTimeParseException notADate) {
                problems.add(new FieldProblem("completedOn", Problem.NOT_A_DATE));
            }
        }
        String description = filing.description() == null ? "" : filing.description().strip();
        if (description.isEmpty()) {
            problems.add(new FieldProblem("description", Problem.REQUIRED));
        } else if (description.length() > ApplicantCases.MAX_TEXT) {
            problems.add(new FieldProblem("description", Problem.TOO_LONG));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubsequentOfferingException(problems);
        }
        return new Valid(exchange, completedOn, description);
    }
}
