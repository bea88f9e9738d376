package cn.ola.calendar;

/** A holiday data file that cannot be trusted; the message names the file and the offending date or field. */
class InvalidCalendarDataException extends IllegalStateException {

    InvalidCalendarDataException(String message) {
        super(message);
    }

    InvalidCalendarDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
