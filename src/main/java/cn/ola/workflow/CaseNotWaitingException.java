package cn.ola.workflow;

/**
 * An action on a case that has moved on: the task was completed already (a double click, a
 * second tab), its deadline passed, or the case has ended. Nothing was changed.
 */
public class CaseNotWaitingException extends RuntimeException {

    public CaseNotWaitingException(String message) {
        super(message);
    }
}
