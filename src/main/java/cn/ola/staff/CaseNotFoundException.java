package cn.ola.staff;

/** No submitted application with this number, or no such document of it: staff get a 404 page saying which. */
class CaseNotFoundException extends RuntimeException {

    private final String messageCode;
    private final String what;

    CaseNotFoundException(String messageCode, String what) {
        super(messageCode + ": " + what);
        this.messageCode = messageCode;
        this.what = what;
    }

    static CaseNotFoundException application(String number) {
        return new CaseNotFoundException("staff.notFound.application", number);
    }

    static CaseNotFoundException document(String number, String documentId) {
        return new CaseNotFoundException("staff.notFound.document", documentId + " / " + number);
    }

    String messageCode() {
        return messageCode;
    }

    String what() {
        return what;
    }
}
