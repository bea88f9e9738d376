package cn.ola.api;

/** A draft replaced without saying which version the caller read: it might overwrite someone's changes. */
class PreconditionRequiredException extends RuntimeException {

    PreconditionRequiredException(String message) {
        super(message);
    }
}
