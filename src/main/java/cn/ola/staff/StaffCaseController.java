package cn.ola.staff;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.ola.filing.FactSection;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications;
import cn.ola.filing.ListingsElsewhere;
import cn.ola.security.CurrentGroups;
import cn.ola.security.Roles;
import cn.ola.workflow.CaseParticipation;
import cn.ola.workflow.Deadlines;
import cn.ola.workflow.ExOfficioReviews;

/**
 * The staff case view ({@code /staff/applications/{number}}): everything the company filed, its
 * documents, the screening decisions with the rules that fired, the deadlines, the open tasks
 * and the timeline; and the audit trail as a printable page and as CSV. A member agency or an
 * industry regulator opens only the cases it was asked about, and sees there what {@link NeedToKnow}
 * allows; any other case is "not found" to it, as a case that does not exist.
 */
@Controller
class StaffCaseController {

    /** What we send with the type the uploader claimed; anything else goes out as bytes to save. */
    static final Set<String> SAFE_CONTENT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "text/plain",
            "application/zip", "application/msword", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final List<String> CSV_HEADER = List.of("time", "actor", "event", "step", "outcome", "details");

    private final CaseFiles files;
    private final ScreeningTrace screening;
    private final CaseDeadlines deadlines;
    private final OpenTasks openTasks;
    private final CaseTimeline timeline;
    private final CaseParticipation participation;
    private final ExOfficioReviews exOfficio;
    private final ListingsElsewhere listingsElsewhere;
    private final ListingApplications applications;

    StaffCaseController(CaseFiles files, ScreeningTrace screening, CaseDeadlines deadlines, OpenTasks openTasks,
            CaseTimeline timeline, CaseParticipation participation, ExOfficioReviews exOfficio,
            ListingsElsewhere listingsElsewhere, ListingApplications applications) {
        this.exOfficio = exOfficio;
        this.listingsElsewhere = listingsElsewhere;
        this.applications = applications;
        this.files = files;
        this.screening = screening;
        this.deadlines = deadlines;
        this.openTasks = openTasks;
        this.timeline = timeline;
        this.participation = participation;
    }

    @GetMapping("/staff/applications/{number}")
    String view(@PathVariable String number, Model model, Authentication user) {
        ListingApplication application = existing(number, user);
        NeedToKnow shown = needToKnow(application, user);
        CaseFiles.CaseFile file = files.load(application);
        file = file.withDocuments(shown.documents(file.documents()));
        List<OpenTasks.OpenTask> tasks = shown.tasks(openTasks.of(file.number()));
        List<CaseDeadlines.Deadline> clocks = shown.deadlines(deadlines.of(file.number(), tasks), tasks);
        model.addAttribute("file", file);
        model.addAttribute("app", application);
        model.addAttribute("facts", application.facts());
        model.addAttribute("factSections", FactSection.all());
        model.addAttribute("submittedAt", inBeijing(application.submittedAt()));
        model.addAttribute("closedAt", inBeijing(application.closedAt()));
        model.addAttribute("company", file.company());
        model.addAttribute("decisions", screening.of(file.processInstanceId()));
        model.addAttribute("tasks", tasks);
        model.addAttribute("deadlines", clocks);
        model.addAttribute("anyDeadlineOverdue", clocks.stream().anyMatch(CaseDeadlines.Deadline::overdue));
        model.addAttribute("timeline", shown.timeline(timeline.of(application.id(), file.number())));
        // A listing on another market and the listed case it follows name each other, for those who see every case.
        model.addAttribute("follows", shown.everything() ? listingsElsewhere.follows(application.id())
                .flatMap(applications::find).orElse(null) : null);
        model.addAttribute("following", shown.everything() ? listingsElsewhere.following(application.id()).stream()
                .flatMap(id -> applications.find(id).stream()).filter(ListingApplication::submitted).toList() : List.of());
        boolean office = reviewOffice(user);
        model.addAttribute("reviewOffice", office);
        model.addAttribute("exOfficioOpen", office && exOfficio.open(application.number()));
        model.addAttribute("mayOpenExOfficio", office && exOfficio.mayOpen(application));
        model.addAttribute("maxGrounds", ExOfficioReviews.MAX_GROUNDS);
        return "staff/case";
    }

    /**
     * The review office opens a cybersecurity review of the case's company on its own initiative, with
     * its grounds. Only the office may (403 for anyone else); missing grounds come back with what was
     * typed; a second review while one is open is refused with a message (a double click opens one).
     */
    @PostMapping("/staff/applications/{number}/ex-officio-review")
    String openExOfficioReview(@PathVariable String number, @RequestParam(required = false) String grounds, Model model,
            Authentication user, RedirectAttributes redirect) {
        if (!reviewOffice(user)) {
            throw new AccessDeniedException("Only the Cybersecurity Review Office opens an ex-officio review");
        }
        ListingApplication application = existing(number, user);
        String error = grounds == null || grounds.isBlank() ? "staff.exOfficio.groundsRequired"
                : grounds.strip().length() > ExOfficioReviews.MAX_GROUNDS ? "staff.exOfficio.groundsTooLong" : null;
        if (error != null) {
            model.addAttribute("exOfficioError", error);
            model.addAttribute("typedGrounds", grounds);
            return view(number, model, user);
        }
        try {
            exOfficio.open(application.number(), grounds.strip(), user.getName());
        } catch (ExOfficioReviews.CannotOpenException refused) {
            redirect.addFlashAttribute("exOfficioNotice", "staff.exOfficio." + refused.reason());
            return "redirect:/staff/applications/" + application.number() + "#ex-officio";
        }
        redirect.addFlashAttribute("exOfficioNotice", "staff.exOfficio.opened");
        return "redirect:/staff/applications/" + application.number() + "#ex-officio";
    }

    private static boolean reviewOffice(Authentication user) {
        return CurrentGroups.of(user).contains(Roles.CRO_REVIEWER);
    }

    @GetMapping("/staff/applications/{number}/documents/{documentId}")
    ResponseEntity<Resource> document(@PathVariable String number, @PathVariable String documentId, Authentication user) {
        ListingApplication application = existing(number, user);
        long id;
        try {
            id = Long.parseLong(documentId);
        } catch (NumberFormatException notAnId) {
            throw CaseNotFoundException.document(number, documentId);
        }
        NeedToKnow shown = needToKnow(application, user);
        CaseFiles.StoredDocument document = files.document(application.id(), id).filter(shown::mayDownload)
                .orElseThrow(() -> CaseNotFoundException.document(number, documentId));
        byte[] content = files.content(application.id(), document.id())
                .orElseThrow(() -> CaseNotFoundException.document(number, documentId));
        return ResponseEntity.ok()
                .contentType(safeContentType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.originalFilename(), StandardCharsets.UTF_8).build().toString())
                .body(new ByteArrayResource(content));
    }

    @GetMapping("/staff/applications/{number}/audit")
    String auditPage(@PathVariable String number, Model model, Authentication user) {
        ListingApplication application = existing(number, user);
        CaseFiles.CaseFile file = files.load(application);
        model.addAttribute("file", file);
        model.addAttribute("app", application);
        model.addAttribute("company", file.company());
        model.addAttribute("timeline", needToKnow(application, user).timeline(timeline.of(application.id(), file.number())));
        return "staff/audit";
    }

    @GetMapping("/staff/applications/{number}/audit.csv")
    ResponseEntity<byte[]> auditCsv(@PathVariable String number, Authentication user) {
        ListingApplication application = existing(number, user);
        String caseNumber = application.number().toString();
        Csv csv = new Csv().row(CSV_HEADER);
        for (CaseTimeline.Entry entry : needToKnow(application, user).timeline(timeline.of(application.id(), caseNumber))) {
            csv.row(entry.beijingTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), entry.actor(), entry.event(),
                    entry.step(), entry.outcome(), entry.details());
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(caseNumber + "-audit.csv").build().toString())
                .body(csv.toBytes());
    }

    /** The case, if the user may open it; otherwise "not found", as for a case that does not exist. */
    private ListingApplication existing(String number, Authentication user) {
        CaseParticipation.Reader reader = reader(user);
        return files.find(number).filter(application -> participation.mayOpen(reader, application.number()))
                .orElseThrow(() -> CaseNotFoundException.application(number));
    }

    private NeedToKnow needToKnow(ListingApplication application, Authentication user) {
        CaseParticipation.Reader reader = reader(user);
        return new NeedToKnow(reader, reader.seesEveryCase() ? java.util.Set.of()
                : participation.ownTaskIds(reader, application.number()));
    }

    static CaseParticipation.Reader reader(Authentication user) {
        return new CaseParticipation.Reader(CurrentGroups.of(user));
    }

    private static ZonedDateTime inBeijing(Instant instant) {
        return instant == null ? null : instant.atZone(Deadlines.BEIJING);
    }

    static MediaType safeContentType(String claimed) {
        if (claimed == null) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        try {
            MediaType type = MediaType.parseMediaType(claimed.strip());
            String bare = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
            return SAFE_CONTENT_TYPES.contains(bare) ? MediaType.parseMediaType(bare) : MediaType.APPLICATION_OCTET_STREAM;
        } catch (org.springframework.util.InvalidMimeTypeException unreadable) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
