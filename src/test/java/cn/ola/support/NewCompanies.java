package cn.ola.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.ola.company.Companies;
import cn.ola.company.Company;
import cn.ola.company.CompanyUsers;
import cn.ola.company.NewCompany;
import cn.ola.company.NewUser;
import cn.ola.company.UnifiedSocialCreditCode;

/**
 * Companies registered for a test, each with a fresh credit code, as the portal's registration makes them: for
 * the tests that need a company (and its first user) of their own, e.g. another company that must not see a
 * case. The contact details are the same for every such company (the staff case view shows them).
 */
public final class NewCompanies {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

    private NewCompanies() {
    }

    /** A registered company with its first user, {@code userPrefix} and a number no other user of this run has. */
    public static String withUser(CompanyUsers users, String userPrefix, String nameZh, String nameEn, String password) {
        String user = userPrefix + SEQUENCE.incrementAndGet();
        users.register(company(nameZh, nameEn, user + "@example.cn"),
                new NewUser(user, "Fang", "Wang", user + "@example.cn", password));
        return user;
    }

    /** A registered company without users. */
    public static Company register(Companies companies, String nameZh, String nameEn) {
        return companies.register(company(nameZh, nameEn, "ir@example.cn"));
    }

    private static NewCompany company(String nameZh, String nameEn, String contactEmail) {
        return new NewCompany(UnifiedSocialCreditCode.parse(CreditCodes.fresh()), nameZh, nameEn, "王芳 Wang Fang",
                contactEmail, "+86 21 5000 0000");
    }
}
