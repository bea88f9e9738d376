package cn.ola.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ola.audit.AuditEvent;
import cn.ola.audit.AuditEventType;
import cn.ola.audit.AuditTrail;
import cn.ola.company.Companies;
import cn.ola.company.Company;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ListingFacts;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.DocumentStore;
import cn.ola.filing.Exchanges;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications;
import cn.ola.filing.StoredDocument;
import cn.ola.visibility.CompanyView;

/**
 * Issues the decision letters of a case and hands them out again. Issuing prints the letter,
 * keeps it in the document store (replacing an earlier letter of the same kind where a case has one
 * such letter, next to the earlier ones where each offering or ex-officio review has its own) and records
 * LETTER_ISSUED in the audit trail, all in the caller's transaction: the process engine's job,
 * whose retries then cover a failed attempt without leaving half a letter behind.
 */
@Service
public class Letters {

    static final String ISSUER = "system";
    static final String CONTENT_TYPE = "application/pdf";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final Locale ENGLISH = Locale.ENGLISH;

    private final ListingApplications applications;
    private final Companies companies;
    private final DocumentStore documents;
    private final AuditTrail audit;
    private final LetterRenderer renderer;
    private final MessageSource messages;
    private final IdentityService identity;
    private final Clock clock;

    Letters(ListingApplications applications, Companies companies, DocumentStore documents, AuditTrail audit,
            LetterRenderer renderer, MessageSource messages, IdentityService identity, Clock clock) {
        this.applications = applications;
        this.companies = companies;
        this.documents = documents;
        this.audit = audit;
        this.renderer = renderer;
        this.messages = messages;
        this.identity = identity;
        this.clock = clock;
    }

    /** A letter ready to hand out: its row and its bytes. */
    public record LetterFile(StoredDocument document, byte[] content) {
    }

    /** The CSRC's filing notice, with the listing as filed. */
    @Transactional
    public StoredDocument issueFilingNotice(ApplicationNumber number) {
        Case file = load(number);
        Letter letter = letter(LetterKind.FILING_NOTICE, file, authority(Gate.CSRC_FILING), "FILED", null,
                particulars(file.application().facts()));
        return keep(file, letter, Gate.CSRC_FILING);
    }

    /** The review office's conclusion, with those of the reasons on record that are meant for the company. */
    @Transactional
    public StoredDocument issueReviewConclusion(ApplicationNumber number, ReviewConclusion conclusion, String reasons) {
        Case file = load(number);
        Letter letter = letter(LetterKind.REVIEW_CONCLUSION, file, authority(Gate.CYBERSECURITY_REVIEW), conclusion.name(),
                CompanyView.decisionText(Gate.CYBERSECURITY_REVIEW.stage(), conclusion.name(), reasons), null);
        return keep(file, letter, Gate.CYBERSECURITY_REVIEW);
    }

    /**
     * The conclusion of a review the office opened on its own initiative, with the reasons it wrote for
     * the company and, where the interim measures end with it, the day they are lifted.
     */
    @Transactional
    public StoredDocument issueExOfficioConclusion(ApplicationNumber number, ExOfficioConclusion conclusion, String reasons,
            LocalDate measuresLiftedOn) {
        Case file = load(number);
        Letter base = letter(LetterKind.EX_OFFICIO_REVIEW_CONCLUSION, file, authority(Gate.EX_OFFICIO_REVIEW),
                conclusion.name(), CompanyView.decisionText(Gate.EX_OFFICIO_REVIEW.stage(), conclusion.name(), reasons), null);
        Letter letter = new Letter(base.kind(), base.applicationNumber(), base.companyNameZh(), base.companyNameEn(),
                base.creditCode(), base.issuedOn(), base.titleZh(), base.titleEn(), base.authorityZh(), base.authorityEn(),
                base.decision(), base.reasons(), null, measuresLiftedOn);
        return keep(file, letter, Gate.EX_OFFICIO_REVIEW);
    }

    /**
     * The CSRC's conclusion on a later offering on the market where the company is listed: the filing notice
     * of the offering (with the listing's particulars and the offering as the company described it) or the
     * refusal to file it, each with the officer's text for the company.
     */
    @Transactional
    public StoredDocument issueOfferingConclusion(ApplicationNumber number, OfferingConclusion conclusion, String reasons,
            String offering) {
        Case file = load(number);
        Letter base = letter(LetterKind.SUBSEQUENT_OFFERING_CONCLUSION, file, authority(Gate.CSRC_FILING), conclusion.name(),
                CompanyView.decisionText(Gate.SUBSEQUENT_OFFERING.stage(), outcomeOf(conclusion), reasons),
                particulars(file.application().facts()));
        Letter letter = new Letter(base.kind(), base.applicationNumber(), base.companyNameZh(), base.companyNameEn(),
                base.creditCode(), base.issuedOn(), base.titleZh(), base.titleEn(), base.authorityZh(), base.authorityEn(),
                base.decision(), base.reasons(), base.particulars(), null, offering);
        return keep(file, letter, Gate.SUBSEQUENT_OFFERING);
    }

    /** The outcome the model records with this conclusion, under which CompanyView classifies its text. */
    private static String outcomeOf(OfferingConclusion conclusion) {
        return conclusion == OfferingConclusion.FILED ? "NOTICE_ISSUED" : "REFUSED";
    }

    /**
     * The refusal of the listing. Which gate refused, and why, is what the audit trail recorded
     * last: the gates' own sub-processes do not pass their reasons back to the case. The letter
     * carries those reasons where they are meant for the company. The industry regulator is named
     * by the case's screening result.
     */
    @Transactional
    public StoredDocument issueRefusal(ApplicationNumber number, String industryRegulatorGroup, String industryRegulatorName) {
        Case file = load(number);
        List<AuditEvent> trail = audit.of(file.application().id());
        for (int i = trail.size() - 1; i >= 0; i--) {
            AuditEvent event = trail.get(i);
            Optional<Gate> gate = Gate.refusedBy(event);
            if (gate.isPresent()) {
                String reasons = CompanyView.decisionText(event.stage(), event.outcome(), event.details());
                Letter letter = refusal(file, gate.get(), reasons, industryRegulatorGroup, industryRegulatorName);
                return keep(file, letter, gate.get());
            }
        }
        throw new IllegalStateException("No refusal of application " + number + " is on record: a refusal letter "
                + "needs the CSRC's, the review office's or the industry regulator's decision in the audit trail");
    }

    /**
     * The letters issued for an application, oldest first; a letter of which a case has one, issued again,
     * replaces the earlier one.
     */
    public List<StoredDocument> issued(ApplicationNumber number) {
        return applications.find(number)
                .map(application -> documents.of(application.id()).stream()
                        .filter(document -> LetterKind.isLetter(document.kind()) && document.current())
                        .toList())
                .orElse(List.of());
    }

    /** A letter of the application, for regulator staff. */
    public Optional<LetterFile> forStaff(ApplicationNumber number, long documentId) {
        return applications.find(number).flatMap(application -> letterOf(application, documentId));
    }

    /** A letter of the application, for a user of the company that filed it; nobody else learns it exists. */
    public Optional<LetterFile> forCompanyUser(String userId, ApplicationNumber number, long documentId) {
        return applications.find(number)
                .filter(application -> memberOfApplicant(userId, application))
                .flatMap(application -> letterOf(application, documentId));
    }

    private Optional<LetterFile> letterOf(ListingApplication application, long documentId) {
        return documents.find(documentId)
                .filter(document -> document.applicationId() == application.id())
                .filter(document -> LetterKind.isLetter(document.kind()))
                .map(document -> new LetterFile(document, documents.content(document)));
    }

    private boolean memberOfApplicant(String userId, ListingApplication application) {
        String group = companies.findById(application.companyId()).map(Company::groupId).orElse(null);
        return userId != null && group != null
                && identity.createGroupQuery().groupMember(userId).groupId(group).count() > 0;
    }

    private StoredDocument keep(Case file, Letter letter, Gate gate) {
        byte[] pdf = renderer.pdf(letter);
        long applicationId = file.application().id();
        LetterKind kind = letter.kind();
        StoredDocument stored;
        if (kind.onePerCase()) {
            stored = documents.storeReplacing(applicationId, kind.name(), kind.filename(letter.applicationNumber()),
                    CONTENT_TYPE, pdf, ISSUER);
        } else {
            int nth = (int) documents.of(applicationId).stream().filter(document -> document.kind().equals(kind.name()))
                    .count() + 1;
            stored = documents.store(applicationId, kind.name(), kind.filename(letter.applicationNumber(), nth), CONTENT_TYPE,
                    pdf, ISSUER);
        }
        String filename = stored.originalFilename();
        audit.record(file.application().id(), ISSUER, AuditEventType.LETTER_ISSUED, gate.stage(), letter.kind().name(),
                "Document " + stored.id() + ": " + filename + " (" + letter.decision() + ")", stored.id());
        return stored;
    }

    private Letter refusal(Case file, Gate gate, String reasons, String regulatorGroup, String regulatorName) {
        Authority authority = gate == Gate.INDUSTRY_APPROVAL ? industryRegulator(regulatorGroup, regulatorName) : authority(gate);
        return letter(LetterKind.REFUSAL_LETTER, file, authority, "REFUSED", reasons, null);
    }

    private Letter letter(LetterKind kind, Case file, Authority authority, String decision, String reasons,
            Letter.Particulars particulars) {
        Company company = file.company();
        return new Letter(kind, file.application().number().toString(), company.nameZh(), company.nameEn(),
                company.creditCode().value(), LocalDate.ofInstant(clock.instant(), BEIJING),
                text("letters.title." + kind.name(), null, CHINESE), text("letters.title." + kind.name(), null, ENGLISH),
                authority.zh(), authority.en(), decision, reasons, particulars);
    }

    private record Authority(String zh, String en) {
    }

    private Authority authority(Gate gate) {
        String key = "letters.authority." + gate.stage();
        return new Authority(text(key, null, CHINESE), text(key, null, ENGLISH));
    }

    /** The regulator by its group where we know its names, else by the name the screening table gives. */
    private Authority industryRegulator(String group, String name) {
        Authority generic = authority(Gate.INDUSTRY_APPROVAL);
        if (group == null) {
            return name == null ? generic : new Authority(name, name);
        }
        String english = text("letters.regulator." + group, name == null ? generic.en() : name, ENGLISH);
        return new Authority(text("letters.regulator." + group, english, CHINESE), english);
    }

    private Letter.Particulars particulars(ApplicationFacts facts) {
        return new Letter.Particulars(facts.get(ListingFacts.OFFSHORE_ISSUER), venue(facts, CHINESE), venue(facts, ENGLISH),
                term("letters.offering.", facts.get(ListingFacts.OFFERING_TYPE), CHINESE), term("letters.offering.", facts.get(ListingFacts.OFFERING_TYPE), ENGLISH),
                term("letters.listingType.", facts.get(ListingFacts.LISTING_TYPE), CHINESE), term("letters.listingType.", facts.get(ListingFacts.LISTING_TYPE), ENGLISH));
    }

    /** The exchange by its name and the country or region it is in, e.g. "New York Stock Exchange (United States)". */
    private String venue(ApplicationFacts facts, Locale locale) {
        String exchange = Exchanges.venue(facts, messages, locale);
        if (exchange == null) {
            return null;
        }
        String region = facts.get(ListingFacts.VENUE_REGION) == null ? null : text("applications.region." + facts.get(ListingFacts.VENUE_REGION),
                new Locale("", facts.get(ListingFacts.VENUE_REGION)).getDisplayCountry(locale), locale);
        if (region == null) {
            return exchange;
        }
        return locale.getLanguage().equals("zh") ? exchange + "（" + region + "）" : exchange + " (" + region + ")";
    }

    private String term(String prefix, String code, Locale locale) {
        return code == null ? "—" : text(prefix + code, code, locale);
    }

    private String text(String key, String fallback, Locale locale) {
        return fallback == null ? messages.getMessage(key, null, locale) : messages.getMessage(key, null, fallback, locale);
    }

    private Case load(ApplicationNumber number) {
        ListingApplication application = applications.find(number)
                .orElseThrow(() -> new IllegalStateException("No application " + number + " to write a letter for"));
        Company company = companies.findById(application.companyId())
                .orElseThrow(() -> new IllegalStateException("Application " + number + " has no company"));
        return new Case(application, company);
    }

    private record Case(ListingApplication application, Company company) {
    }
}
