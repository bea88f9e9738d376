package cn.ola.company;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ola.security.Roles;

/** The registered applicant companies, each with its own Camunda group for its users and tasks. */
@Service
public class Companies {

    static final String GROUP_TYPE = "COMPANY";

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final Clock clock;

    Companies(JdbcClient jdbc, IdentityService identityService, Clock clock) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.clock = clock;
    }

    /** Locks the company's row until the caller's transaction ends: changes to its users take turns. */
    void lock(Company company) {
        jdbc.sql("SELECT id FROM companies WHERE id = ? FOR UPDATE").param(company.id()).query(Long.class).optional();
    }

    @Transactional
    public Company register(NewCompany company) {
        if (findByCreditCode(company.creditCode()).isPresent()) {
            throw new CompanyAlreadyRegisteredException(company.creditCode());
        }
        String groupId = Roles.companyGroup(company.creditCode().value());
        Timestamp now = Timestamp.from(clock.instant());
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO companies (credit_code, name_zh, name_en, contact_person, contact_email, contact_phone,
                                           camunda_group_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(company.creditCode().value(), company.nameZh(), company.nameEn(), company.contactPerson(),
                            company.contactEmail(), company.contactPhone(), groupId, now)
                    .update(keys, "id");
        } catch (DuplicateKeyException raced) {
            throw new CompanyAlreadyRegisteredException(company.creditCode());
        }
        if (identityService.createGroupQuery().groupId(groupId).singleResult() == null) {
            Group group = identityService.newGroup(groupId);
            group.setName(company.nameZh());
            group.setType(GROUP_TYPE);
            identityService.saveGroup(group);
        }
        return findByCreditCode(company.creditCode()).orElseThrow();
    }

    public Optional<Company> findByCreditCode(UnifiedSocialCreditCode code) {
        return jdbc.sql("SELECT * FROM companies WHERE credit_code = ?").param(code.value()).query(Companies::map).optional();
    }

    public Optional<Company> findById(long id) {
        return jdbc.sql("SELECT * FROM companies WHERE id = ?").param(id).query(Companies::map).optional();
    }

    /**
     * The company whose group the user is a member of, in one statement: the membership as Camunda's identity
     * store keeps it ({@code ACT_ID_MEMBERSHIP}, whose key starts with the user). A user in more than one
     * company's group (none is made so) acts for the first by group id.
     */
    public Optional<Company> findByMember(String userId) {
        return jdbc.sql("""
                SELECT * FROM companies WHERE camunda_group_id IN (SELECT M.GROUP_ID_ FROM ACT_ID_MEMBERSHIP M WHERE M.USER_ID_ = ?)
                ORDER BY camunda_group_id LIMIT 1""").param(userId).query(Companies::map).optional();
    }

    private static Company map(ResultSet row, int rowNum) throws SQLException {
        return new Company(row.getLong("id"), UnifiedSocialCreditCode.parse(row.getString("credit_code")),
                row.getString("name_zh"), row.getString("name_en"), row.getString("contact_person"),
                row.getString("contact_email"), row.getString("contact_phone"), row.getString("camunda_group_id"),
                row.getTimestamp("created_at").toInstant());
    }
}
