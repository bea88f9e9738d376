package cn.ola.notification;

import java.time.Instant;
import java.util.List;

/**
 * A notification to be written: what kind, the message key and its parameters (rendered in the
 * reader's language), what the regulator wrote, when an answer is due, a download link, and the
 * key that makes it go out only once (null when it may repeat).
 */
record Notice(Kind kind, String messageKey, List<String> params, String details, Instant due, String link,
        String dedupeKey) {

    Notice {
        params = List.copyOf(params);
    }
}
