package cn.ola.workflow;

import cn.ola.filing.ApplicationNumber;

/** A second submission of the same application (a double click, a retried request): the first one stands. */
public class AlreadySubmittedException extends RuntimeException {

    private final ApplicationNumber number;

    public AlreadySubmittedException(ApplicationNumber number) {
        super("This application was submitted already as " + number + ".");
        this.number = number;
    }

    public ApplicationNumber number() {
        return number;
    }
}
