package cn.ola.company;

/** A unified social credit code that cannot be right; the message says which rule it breaks. */
public class InvalidCreditCodeException extends IllegalArgumentException {

    public InvalidCreditCodeException(String message) {
        super(message);
    }
}
