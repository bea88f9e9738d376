package cn.ola.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.ola.company.Companies;
import cn.ola.company.Company;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.DocumentStore;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications;
import cn.ola.workflow.Deadlines;

/** What a company filed for one application, as staff read it: the application, the company, contracts and documents. */
@Service
class CaseFiles {

    private final ListingApplications applications;
    private final Companies companies;
    private final DocumentStore store;

    CaseFiles(ListingApplications applications, Companies companies, DocumentStore store) {
        this.applications = applications;
        this.companies = companies;
        this.store = store;
    }

    record CloudContract(String provider, LocalDate endDate) {
    }

    record StoredDocument(long id, String kind, String originalFilename, String contentType, long sizeBytes, String sha256,
            String storageKey, String uploadedBy, Instant uploadedAt, Instant supersededAt) {

        static StoredDocument of(cn.ola.filing.StoredDocument stored) {
            return new StoredDocument(stored.id(), stored.kind(), stored.originalFilename(), stored.contentType(),
                    stored.sizeBytes(), stored.sha256(), stored.storageKey(), stored.uploadedBy(), stored.uploadedAt(),
                    stored.supersededAt());
        }

        public ZonedDateTime uploadedAtInBeijing() {
            return uploadedAt.atZone(Deadlines.BEIJING);
        }
    }

    record CaseFile(ListingApplication application, Company company, List<CloudContract> cloudContracts,
            List<StoredDocument> documents, String processInstanceId) {

        public String number() {
            return application.number().toString();
        }

        CaseFile withDocuments(List<StoredDocument> shown) {
            return new CaseFile(application, company, cloudContracts, shown, processInstanceId);
        }
    }

    /** The submitted application with this number, or empty: drafts have no number and are not cases yet. */
    Optional<ListingApplication> find(String number) {
        ApplicationNumber parsed;
        try {
            parsed = ApplicationNumber.parse(number);
        } catch (IllegalArgumentException notANumber) {
            return Optional.empty();
        }
        return applications.find(parsed);
    }

    CaseFile load(ListingApplication application) {
        Company company = companies.findById(application.companyId()).orElseThrow();
        // The contracts come in the order they were filed; a stable sort keeps it among those ending on one day.
        List<CloudContract> contracts = applications.cloudContracts(application.id()).stream()
                .map(contract -> new CloudContract(contract.provider(), contract.endDate()))
                .sorted(Comparator.comparing(CloudContract::endDate))
                .toList();
        String processInstanceId = applications.processInstanceId(application.id()).orElse(null);
        return new CaseFile(application, company, contracts, documents(application.id()), processInstanceId);
    }

    List<StoredDocument> documents(long applicationId) {
        return store.of(applicationId).stream().map(StoredDocument::of).toList();
    }

    /** A document of this application; another application's document is not found here. */
    Optional<StoredDocument> document(long applicationId, long documentId) {
        return store.find(documentId).filter(stored -> stored.applicationId() == applicationId).map(StoredDocument::of);
    }

    /** The bytes of a document of this application, if the store still has them as filed. */
    Optional<byte[]> content(long applicationId, long documentId) {
        try {
            return store.find(documentId).filter(stored -> stored.applicationId() == applicationId).map(store::content);
        } catch (IllegalStateException unreadable) {
            return Optional.empty();
        }
    }
}
