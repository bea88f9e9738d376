package cn.ola.workflow;

/** No application with this id or number, or none the caller may see. */
public class ApplicationNotFoundException extends RuntimeException {

    public ApplicationNotFoundException(String which) {
        super("There is no application " + which + ".");
    }
}
