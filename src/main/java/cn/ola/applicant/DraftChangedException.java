package cn.ola.applicant;

/** A draft changed (or was submitted) after the editor read it; saving would overwrite someone's work. */
public class DraftChangedException extends RuntimeException {

    DraftChangedException(String message) {
        super(message);
    }
}
