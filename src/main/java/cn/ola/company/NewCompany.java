package cn.ola.company;

/** What a company gives when it registers. */
public record NewCompany(UnifiedSocialCreditCode creditCode, String nameZh, String nameEn,
        String contactPerson, String contactEmail, String contactPhone) {
}
