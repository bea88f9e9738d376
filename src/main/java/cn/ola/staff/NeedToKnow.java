package cn.ola.staff;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import cn.ola.applicant.DocumentKind;
import cn.ola.audit.AuditEventType;
import cn.ola.security.Roles;
import cn.ola.workflow.CaseParticipation.Reader;

/**
 * What a member agency or an industry regulator sees of a case it was asked about (DESIGN §6a):
 * what the company filed, the screening, its own tasks with their deadlines and outcomes, what the
 * case as a whole went through (submitted, stages, status, the company's reports and withdrawal)
 * — and of the other regulators' work only what the review office shares with the agencies it
 * consults, its initial opinion. Not the other agencies' opinions, the office's special review,
 * the CSRC's or another regulator's deliberations, escalations, requests to the company and their
 * answers, or the letters addressed to the company. Staff who see every case see all of it.
 */
final class NeedToKnow {

    /** Events that concern the case as a whole, not anybody's deliberation. */
    static final Set<AuditEventType> CASE_EVENTS = EnumSet.of(AuditEventType.SUBMITTED, AuditEventType.STATUS_CHANGED,
            AuditEventType.STAGE_ENTERED, AuditEventType.CLOSED, AuditEventType.SCREENING,
            AuditEventType.WITHDRAWAL_REQUESTED, AuditEventType.OVERSEAS_SUBMISSION_REPORTED, AuditEventType.LISTING_REPORTED);
    /** The office's initial opinion: the agencies it consults read it in their own task. */
    static final String SHARED_WITH_AGENCIES = "CYBERSECURITY_REVIEW_INITIAL";
    static final String AGENCY_OPINION_PREFIX = "CYBERSECURITY_REVIEW_AGENCY_";
    static final String INDUSTRY_APPROVAL = "INDUSTRY_APPROVAL";

    private final Reader reader;
    private final Set<String> ownTaskIds;
    private final Set<String> ownSteps = new HashSet<>();

    NeedToKnow(Reader reader, Set<String> ownTaskIds) {
        this.reader = reader;
        this.ownTaskIds = Set.copyOf(ownTaskIds);
        for (String group : reader.groups()) {
            if (group.startsWith(Roles.MEMBER_AGENCY_PREFIX)) {
                ownSteps.add(AGENCY_OPINION_PREFIX + group.substring(Roles.MEMBER_AGENCY_PREFIX.length()).toUpperCase(Locale.ROOT));
                ownSteps.add(SHARED_WITH_AGENCIES);
            }
            if (group.startsWith(Roles.INDUSTRY_REGULATOR_PREFIX)) {
                ownSteps.add(INDUSTRY_APPROVAL);
            }
        }
    }

    boolean everything() {
        return reader.seesEveryCase();
    }

    List<CaseTimeline.Entry> timeline(List<CaseTimeline.Entry> entries) {
        if (everything()) {
            return entries;
        }
        return entries.stream().filter(this::shown).toList();
    }

    private boolean shown(CaseTimeline.Entry entry) {
        if (entry.source() == CaseTimeline.Source.ENGINE) {
            return entry.taskId() != null && ownTaskIds.contains(entry.taskId());
        }
        Optional<AuditEventType> type = AuditEventType.of(entry.event());
        if (type.filter(CASE_EVENTS::contains).isPresent()) {
            return true;
        }
        return type.orElse(null) == AuditEventType.OUTCOME && entry.step() != null && ownSteps.contains(entry.step());
    }

    List<OpenTasks.OpenTask> tasks(List<OpenTasks.OpenTask> open) {
        return everything() ? open : open.stream().filter(task -> reader.owns(task.candidateGroups())).toList();
    }

    /** The clocks of the processes in which the reader has an open task of its own. */
    List<CaseDeadlines.Deadline> deadlines(List<CaseDeadlines.Deadline> clocks, List<OpenTasks.OpenTask> ownOpenTasks) {
        if (everything()) {
            return clocks;
        }
        Set<String> processes = new HashSet<>();
        ownOpenTasks.forEach(task -> processes.add(task.processInstanceId()));
        return clocks.stream().filter(clock -> processes.contains(clock.processInstanceId())).toList();
    }

    List<CaseFiles.StoredDocument> documents(List<CaseFiles.StoredDocument> documents) {
        return everything() ? documents : documents.stream().filter(this::filedByTheCompany).toList();
    }

    boolean mayDownload(CaseFiles.StoredDocument document) {
        return everything() || filedByTheCompany(document);
    }

    private boolean filedByTheCompany(CaseFiles.StoredDocument document) {
        return Arrays.stream(DocumentKind.values()).anyMatch(kind -> kind.name().equals(document.kind()));
    }
}
