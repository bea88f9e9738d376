package cn.ola.workflow;

/**
 * An action that met another change of the same case at the same moment (a regulator's step, a
 * deadline, a colleague) and was undone: nothing was changed. Unlike a step that is simply done
 * already, the action may still be possible: a look at the case tells.
 */
public class CaseChangedMeanwhileException extends CaseNotWaitingException {

    public CaseChangedMeanwhileException(String message) {
        super(message);
    }
}
