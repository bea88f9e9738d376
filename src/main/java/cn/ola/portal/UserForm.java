package cn.ola.portal;

import java.util.regex.Pattern;

import org.springframework.validation.Errors;

import cn.ola.company.NewUser;
import cn.ola.company.PasswordRules;
import cn.ola.company.UserNames;

/**
 * The fields of a person who will sign in for a company: the first user at registration and
 * every user invited later. The passwords are never sent back to the browser.
 */
class UserForm {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");
    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 254;

    private String userName;
    private String firstName;
    private String lastName;
    private String email;
    private String password;
    private String passwordConfirmation;

    /** Checks the person's fields; problems go on the fields, with a message code of messages-cases. */
    void validateUser(Errors errors) {
        String name = trim(userName);
        if (name.isEmpty()) {
            errors.rejectValue("userName", "cases.user.userName.required");
        } else if (!UserNames.valid(name)) {
            errors.rejectValue("userName", "cases.user.userName.invalid",
                    new Object[] {UserNames.MIN_LENGTH, UserNames.MAX_LENGTH}, null);
        }
        requireText(errors, "firstName", firstName, NAME_MAX);
        requireText(errors, "lastName", lastName, NAME_MAX);
        requireEmail(errors, "email", email);
        for (PasswordRules.Violation broken : PasswordRules.check(name, password, passwordConfirmation)) {
            String field = broken == PasswordRules.Violation.CONFIRMATION_DIFFERS ? "passwordConfirmation" : "password";
            errors.rejectValue(field, "cases.password." + broken.name(), new Object[] {PasswordRules.MIN_LENGTH}, null);
        }
    }

    NewUser newUser() {
        return new NewUser(trim(userName), trim(firstName), trim(lastName), trim(email), password);
    }

    /** After a failed attempt: what was typed stays, the passwords go. */
    void forgetPasswords() {
        password = null;
        passwordConfirmation = null;
    }

    static void requireText(Errors errors, String field, String value, int max) {
        String text = trim(value);
        if (text.isEmpty()) {
            errors.rejectValue(field, "cases.field.required");
        } else if (text.length() > max) {
            errors.rejectValue(field, "cases.field.tooLong", new Object[] {max}, null);
        }
    }

    static void requireEmail(Errors errors, String field, String value) {
        String text = trim(value);
        if (text.isEmpty()) {
            errors.rejectValue(field, "cases.field.required");
        } else if (text.length() > EMAIL_MAX || !EMAIL.matcher(text).matches()) {
            errors.rejectValue(field, "cases.field.email");
        }
    }

    static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordConfirmation() {
        return passwordConfirmation;
    }

    public void setPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
    }
}
