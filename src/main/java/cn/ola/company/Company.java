package cn.ola.company;

import java.time.Instant;

/** An applicant company as registered in the portal; its users are the members of {@link #groupId()}. */
public record Company(long id, UnifiedSocialCreditCode creditCode, String nameZh, String nameEn,
        String contactPerson, String contactEmail, String contactPhone, String groupId, Instant createdAt) {
}
