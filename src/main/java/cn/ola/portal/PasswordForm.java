package cn.ola.portal;

import org.springframework.validation.Errors;

import cn.ola.company.PasswordRules;

/** Changing one's own password: the current one, and the new one twice. Never sent back to the browser. */
class PasswordForm {

    private String currentPassword;
    private String newPassword;
    private String newPasswordConfirmation;

    void validate(String userName, Errors errors) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.rejectValue("currentPassword", "password.currentWrong");
        }
        for (PasswordRules.Violation broken : PasswordRules.check(userName, newPassword, newPasswordConfirmation)) {
            String field = broken == PasswordRules.Violation.CONFIRMATION_DIFFERS ? "newPasswordConfirmation" : "newPassword";
            errors.rejectValue(field, "cases.password." + broken.name(), new Object[] {PasswordRules.MIN_LENGTH}, null);
        }
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewPasswordConfirmation() {
        return newPasswordConfirmation;
    }

    public void setNewPasswordConfirmation(String newPasswordConfirmation) {
        this.newPasswordConfirmation = newPasswordConfirmation;
    }
}
