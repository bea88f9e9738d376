package cn.ola.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.ola.company.Companies;
import cn.ola.company.Company;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplication;
import cn.ola.filing.ListingApplications;
import cn.ola.workflow.Deadlines;

/** What a company filed for one application, as staff read it: the application, the company, contracts and documents. */
@Service
class CaseFiles {

    private final ListingApplications applications;
    private final Companies companies;
    private final JdbcClient jdbc;

    CaseFiles(ListingApplications applications, Companies companies, JdbcClient jdbc) {
        this.applications = applications;
        this.companies = companies;
        this.jdbc = jdbc;
    }

    record CloudContract(String provider, LocalDate endDate) {
    }

    record StoredDocument(long id, String kind, String originalFilename, String contentType, long sizeBytes, String sha256,
            String storageKey, String uploadedBy, Instant uploadedAt, Instant supersededAt) {

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
        List<CloudContract> contracts = jdbc.sql("""
                SELECT provider, contract_end_date FROM cloud_contracts WHERE application_id = ?
                ORDER BY contract_end_date, id""")
                .param(application.id())
                .query((row, n) -> new CloudContract(row.getString("provider"), row.getDate("contract_end_date").toLocalDate()))
                .list();
        String processInstanceId = jdbc.sql("SELECT process_instance_id FROM applications WHERE id = ?")
                .param(application.id()).query(String.class).optional().orElse(null);
        return new CaseFile(application, company, contracts, documents(application.id()), processInstanceId);
    }

    List<StoredDocument> documents(long applicationId) {
        return jdbc.sql(SELECT_DOCUMENT + " WHERE application_id = ? ORDER BY uploaded_at, id")
                .param(applicationId).query((row, n) -> document(row)).list();
    }

    /** A document of this application; another application's document is not found here. */
    Optional<StoredDocument> document(long applicationId, long documentId) {
        return jdbc.sql(SELECT_DOCUMENT + " WHERE application_id = ? AND id = ?").params(applicationId, documentId)
                .query((row, n) -> document(row)).optional();
    }

    private static final String SELECT_DOCUMENT = """
            SELECT id, kind, original_filename, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at,
                   superseded_at FROM documents""";

    private static StoredDocument document(java.sql.ResultSet row) throws java.sql.SQLException {
        Timestamp superseded = row.getTimestamp("superseded_at");
        return new StoredDocument(row.getLong("id"), row.getString("kind"), row.getString("original_filename"),
                row.getString("content_type"), row.getLong("size_bytes"), row.getString("sha256"),
                row.getString("storage_key"), row.getString("uploaded_by"), row.getTimestamp("uploaded_at").toInstant(),
                superseded == null ? null : superseded.toInstant());
    }
}
