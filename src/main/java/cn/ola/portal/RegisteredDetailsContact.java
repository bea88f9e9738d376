package cn.ola.portal;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whom a company asks to change its registered details (names, credit code, contact): the
 * regulator's office named in {@code ola.registered-details-contact} (application.yml), in both
 * languages. The portal itself does not let a company change them. Pages read it as
 * {@code @registeredDetailsContact}.
 */
@Component("registeredDetailsContact")
public class RegisteredDetailsContact {

    private final String nameZh;
    private final String nameEn;
    private final String email;
    private final String phone;

    RegisteredDetailsContact(@Value("${ola.registered-details-contact.name-zh}") String nameZh,
            @Value("${ola.registered-details-contact.name-en}") String nameEn,
            @Value("${ola.registered-details-contact.email}") String email,
            @Value("${ola.registered-details-contact.phone}") String phone) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.email = email;
        this.phone = phone;
    }

    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }
}
