package cn.ola.applicant;

/** An upload we do not keep, and why; nothing else of the application is touched. */
public class RefusedUploadException extends RuntimeException {

    public enum Reason {
        EMPTY, TOO_LARGE, TYPE_NOT_ALLOWED, NAME_MISSING
    }

    private final Reason reason;
    private final String filename;
    private final long maxBytes;
    private final String detectedType;

    RefusedUploadException(Reason reason, String filename, long maxBytes, String detectedType, String message) {
        super(message);
        this.reason = reason;
        this.filename = filename;
        this.maxBytes = maxBytes;
        this.detectedType = detectedType;
    }

    public Reason reason() {
        return reason;
    }

    public String filename() {
        return filename;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The type the bytes turned out to be, for TYPE_NOT_ALLOWED. */
    public String detectedType() {
        return detectedType;
    }
}
