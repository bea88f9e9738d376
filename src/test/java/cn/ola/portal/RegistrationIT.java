package cn.ola.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import cn.ola.company.Companies;
import cn.ola.company.CompanyUsers;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.support.CreditCodes;
import cn.ola.support.DevSystemTest;

/** A company registers itself and its first user in the portal, in either language. */
@DevSystemTest
class RegistrationIT {

    static final String PASSWORD = "Harbour2026x";

    @Autowired
    MockMvc mvc;
    @Autowired
    Companies companies;
    @Autowired
    CompanyUsers companyUsers;

    @Test
    void theLoginPageLinksToTheRegistration() throws Exception {
        String login = page(get("/login").locale(Locale.ENGLISH));
        assertThat(login).contains("href=\"/register\"").contains("Register your company");
        assertThat(page(get("/register").locale(Locale.ENGLISH))).contains("Unified social credit code")
                .contains("name=\"creditCode\"");
    }

    @Test
    void aCompanyRegistersAndItsFirstUserSignsIn() throws Exception {
        Map<String, String> form = valid();

        mvc.perform(register(form)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login?registered"));

        assertThat(page(get("/login?registered").locale(Locale.ENGLISH))).contains("Registration complete, please sign in.");
        assertThat(page(get("/login?registered").locale(Locale.SIMPLIFIED_CHINESE))).contains("注册完成，请登录。");
        var company = companies.findByCreditCode(UnifiedSocialCreditCode.parse(form.get("creditCode"))).orElseThrow();
        assertThat(company.nameZh()).isEqualTo(form.get("nameZh"));
        assertThat(company.nameEn()).isEqualTo(form.get("nameEn"));
        assertThat(companyUsers.companyOf(form.get("userName"))).contains(company);
        mvc.perform(formLogin("/login").user(form.get("userName")).password(PASSWORD))
                .andExpect(authenticated().withUsername(form.get("userName")).withAuthentication(signedIn -> assertThat(
                        signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_COMPANY")));
    }

    @Test
    void aSecondClickOnRegisterSaysTheCompanyIsRegisteredAlready() throws Exception {
        Map<String, String> form = valid();
        mvc.perform(register(form)).andExpect(redirectedUrl("/login?registered"));

        String again = page(register(form));

        assertThat(error(again, "creditCode")).contains("This unified social credit code is already registered");
        assertThat(again).doesNotContain("id=\"userName-error\"");
    }

    @Test
    void aCodeRegisteredBeforeIsRefusedWithTheUsersChoiceKept() throws Exception {
        Map<String, String> first = valid();
        mvc.perform(register(first)).andExpect(redirectedUrl("/login?registered"));
        Map<String, String> second = valid();
        second.put("creditCode", first.get("creditCode").toLowerCase(Locale.ROOT));

        String body = page(register(second));

        assertThat(error(body, "creditCode")).contains("already registered");
        assertThat(body).contains("value=\"" + second.get("userName") + "\"");
        assertThat(companyUsers.userIdTaken(second.get("userName"))).isFalse();
    }

    @Test
    void aTakenUserNameIsReportedOnItsField() throws Exception {
        Map<String, String> form = valid();
        form.put("userName", "compliance");
        form.put("password", "Harbour2026x");
        form.put("passwordConfirmation", "Harbour2026x");

        String body = page(register(form));

        assertThat(error(body, "userName")).contains("This user name is taken");
        assertThat(companies.findByCreditCode(UnifiedSocialCreditCode.parse(form.get("creditCode")))).isEmpty();
    }

    @Nested
    class CreditCode {

        @Test
        void aWrongCheckCharacterIsNamedWithTheOneTheCodeCallsFor() throws Exception {
            Map<String, String> form = valid();
            String right = form.get("creditCode");
            form.put("creditCode", CreditCodes.withWrongCheckCharacter(right));

            String body = page(register(form));

            assertThat(error(body, "creditCode")).contains("Wrong check character")
                    .contains("call for \u201c" + right.charAt(17) + "\u201d");
            assertThat(error(page(register(form).locale(Locale.SIMPLIFIED_CHINESE)), "creditCode"))
                    .contains("校验码错误").contains("校验码应为\u201c" + right.charAt(17) + "\u201d");
        }

        @Test
        void aWrongLengthSaysHowManyCharactersWereTyped() throws Exception {
            Map<String, String> form = valid();
            form.put("creditCode", form.get("creditCode").substring(0, 16));

            assertThat(error(page(register(form)), "creditCode")).contains("18 characters; this one has 16.");
        }

        @Test
        void aLetterThatNeverAppearsIsNamedWithItsPosition() throws Exception {
            Map<String, String> form = valid();
            form.put("creditCode", "91310000MA1OABCD2Q");

            assertThat(error(page(register(form)), "creditCode")).contains("Character 12 (\u201cO\u201d) cannot appear");
        }
    }

    @Nested
    class Password {

        @Test
        void tooShort() throws Exception {
            assertThat(passwordError("abc123", "abc123")).contains("at least 10 characters");
        }

        @Test
        void withoutALetter() throws Exception {
            assertThat(passwordError("1234567890", "1234567890")).contains("at least one letter")
                    .doesNotContain("at least 10 characters");
        }

        @Test
        void withoutADigit() throws Exception {
            assertThat(passwordError("Harbourside", "Harbourside")).contains("at least one digit");
        }

        @Test
        void containingTheUserName() throws Exception {
            Map<String, String> form = valid();
            String withName = form.get("userName").toUpperCase(Locale.ROOT) + "2026";
            form.put("password", withName);
            form.put("passwordConfirmation", withName);

            assertThat(error(page(register(form)), "password")).contains("must not contain the user name");
        }

        @Test
        void confirmationDiffers() throws Exception {
            Map<String, String> form = valid();
            form.put("passwordConfirmation", PASSWORD + "!");

            String body = page(register(form));

            assertThat(error(body, "passwordConfirmation")).contains("The two passwords are not the same.");
            assertThat(body).doesNotContain("id=\"password-error\"");
        }

        @Test
        void theRuleIsSaidInChineseToo() throws Exception {
            Map<String, String> form = valid();
            form.put("password", "abcdefghijk");
            form.put("passwordConfirmation", "abcdefghijk");

            assertThat(error(page(register(form).locale(Locale.SIMPLIFIED_CHINESE)), "password")).contains("密码至少需要包含一个数字。");
        }

        private String passwordError(String password, String confirmation) throws Exception {
            Map<String, String> form = valid();
            form.put("password", password);
            form.put("passwordConfirmation", confirmation);
            return error(page(register(form)), "password");
        }
    }

    @Test
    void everythingTypedIsKeptExceptThePasswordsAndEveryBadFieldIsMarked() throws Exception {
        Map<String, String> form = valid();
        form.put("contactEmail", "not-an-address");
        form.put("contactPhone", "call us");
        form.put("userName", "x");
        form.put("lastName", "");

        String body = page(register(form));

        assertThat(body).contains("Please correct the fields marked below");
        assertThat(error(body, "contactEmail")).contains("not an e-mail address");
        assertThat(error(body, "contactPhone")).contains("not a phone number");
        assertThat(error(body, "userName")).contains("3 to 64 characters");
        assertThat(error(body, "lastName")).contains("Please fill in this field.");
        for (String field : new String[] {"nameZh", "nameEn", "creditCode", "contactPerson", "contactEmail", "contactPhone",
                "firstName", "email"}) {
            assertThat(body).as(field).contains("value=\"" + HtmlUtils.htmlEscape(form.get(field)) + "\"");
        }
        assertThat(body).doesNotContain(PASSWORD);
        assertThat(companies.findByCreditCode(UnifiedSocialCreditCode.parse(form.get("creditCode")))).isEmpty();
    }

    @Nested
    class CompanyUsersPage {

        @Test
        void aUserInvitesAColleagueWhoThenBelongsToTheSameCompany() throws Exception {
            Map<String, String> form = valid();
            mvc.perform(register(form)).andExpect(redirectedUrl("/login?registered"));
            String colleague = "zhao.lei" + form.get("userName").substring(5);

            var invited = mvc.perform(invite(form.get("userName"), colleague, "Colleague2026")).andReturn().getResponse();

            assertThat(invited.getRedirectedUrl()).isEqualTo("/company/users");
            // The page the browser is sent to, in the same session, where the message waits.
            String list = mvc.perform(get("/company/users").locale(Locale.ENGLISH)
                    .with(user(form.get("userName")).roles("COMPANY"))
                    .cookie(invited.getCookies())).andReturn().getResponse().getContentAsString();
            assertThat(list).contains("User " + colleague + " has been added").contains(">" + colleague + "<")
                    .contains(">" + form.get("userName") + "<");
            assertThat(companyUsers.companyOf(colleague)).isEqualTo(companyUsers.companyOf(form.get("userName")));
        }

        @Test
        void aWeakPasswordOrATakenNameIsRefusedOnItsField() throws Exception {
            String body = mvc.perform(invite("compliance", "csrc", "short")).andReturn().getResponse().getContentAsString();

            assertThat(error(body, "userName")).contains("This user name is taken");
            assertThat(error(body, "password")).contains("at least 10 characters").contains("at least one digit");
            assertThat(body).contains("value=\"csrc\"");
        }

        private MockHttpServletRequestBuilder invite(String asUser, String userName, String password) {
            return post("/company/users").with(csrf()).with(user(asUser).roles("COMPANY")).locale(Locale.ENGLISH)
                    .param("userName", userName).param("lastName", "赵").param("firstName", "磊")
                    .param("email", userName + "@example.cn").param("password", password)
                    .param("passwordConfirmation", password);
        }
    }

    private MockHttpServletRequestBuilder register(Map<String, String> form) {
        MockHttpServletRequestBuilder request = post("/register").with(csrf()).locale(Locale.ENGLISH);
        form.forEach((name, value) -> request.param(name, value));
        return request;
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    /** The error text shown next to a field, tags removed; empty when the field has none. */
    static String error(String html, String field) {
        int start = html.indexOf("id=\"" + field + "-error\"");
        if (start < 0) {
            return "";
        }
        int end = html.indexOf("</p>", start);
        return HtmlUtils.htmlUnescape(html.substring(html.indexOf('>', start) + 1, end).replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ").strip());
    }

    private static Map<String, String> valid() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(100_000L, 999_999L));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("nameZh", "华南智联数据股份有限公司" + suffix);
        form.put("nameEn", "South China Smartlink Data Co., Ltd. " + suffix);
        form.put("creditCode", CreditCodes.fresh());
        form.put("contactPerson", "李娜 Li Na");
        form.put("contactEmail", "ir" + suffix + "@example.cn");
        form.put("contactPhone", "+86 20 8000 0000");
        form.put("userName", "li.na" + suffix);
        form.put("lastName", "李");
        form.put("firstName", "娜");
        form.put("email", "li.na" + suffix + "@example.cn");
        form.put("password", PASSWORD);
        form.put("passwordConfirmation", PASSWORD);
        return form;
    }
}
