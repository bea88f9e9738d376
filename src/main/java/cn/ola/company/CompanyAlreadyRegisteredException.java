package cn.ola.company;

/** A second registration under a credit code that is already taken. */
public class CompanyAlreadyRegisteredException extends RuntimeException {

    public CompanyAlreadyRegisteredException(UnifiedSocialCreditCode code) {
        super("A company with the unified social credit code " + code + " is already registered. "
                + "Ask one of its users to invite you instead.");
    }
}
