package cn.ola.portal;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.validation.Errors;

import cn.ola.company.InvalidCreditCodeException;
import cn.ola.company.NewCompany;
import cn.ola.company.UnifiedSocialCreditCode;

/** What a company types to register: the company and its first user. */
class RegistrationForm extends UserForm {

    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{4,38}");
    static final int COMPANY_NAME_MAX = 200;

    private String nameZh;
    private String nameEn;
    private String creditCode;
    private String contactPerson;
    private String contactEmail;
    private String contactPhone;

    /** Checks every field; the credit code, when it is a valid one, comes back parsed. */
    Optional<UnifiedSocialCreditCode> validate(Errors errors) {
        requireText(errors, "nameZh", nameZh, COMPANY_NAME_MAX);
        if (trim(nameEn).length() > COMPANY_NAME_MAX) {
            errors.rejectValue("nameEn", "cases.field.tooLong", new Object[] {COMPANY_NAME_MAX}, null);
        }
        UnifiedSocialCreditCode code = null;
        try {
            code = UnifiedSocialCreditCode.parse(creditCode);
        } catch (InvalidCreditCodeException invalid) {
            rejectCreditCode(errors, invalid);
        }
        requireText(errors, "contactPerson", contactPerson, NAME_MAX);
        requireEmail(errors, "contactEmail", contactEmail);
        String phone = trim(contactPhone);
        if (phone.isEmpty()) {
            errors.rejectValue("contactPhone", "cases.field.required");
        } else if (!PHONE.matcher(phone).matches()) {
            errors.rejectValue("contactPhone", "cases.field.phone");
        }
        validateUser(errors);
        return Optional.ofNullable(code);
    }

    private static void rejectCreditCode(Errors errors, InvalidCreditCodeException invalid) {
        switch (invalid.problem()) {
            case REQUIRED -> errors.rejectValue("creditCode", "cases.field.required");
            case WRONG_LENGTH -> errors.rejectValue("creditCode", "cases.register.creditCode.length",
                    new Object[] {invalid.length()}, null);
            case BAD_CHARACTER -> errors.rejectValue("creditCode", "cases.register.creditCode.character",
                    new Object[] {invalid.position(), String.valueOf(invalid.character())}, null);
            case WRONG_CHECK_CHARACTER -> errors.rejectValue("creditCode", "cases.register.creditCode.check",
                    new Object[] {String.valueOf(invalid.character())}, null);
        }
    }

    NewCompany newCompany(UnifiedSocialCreditCode code) {
        String english = trim(nameEn);
        return new NewCompany(code, trim(nameZh), english.isEmpty() ? null : english, trim(contactPerson),
                trim(contactEmail), trim(contactPhone));
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public void setContactPerson(String contactPerson) {
        this.contactPerson = contactPerson;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }
}
