package cn.ola.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.api.Problems.FieldError;

/**
 * Requests that may be retried safely with an {@code Idempotency-Key} header: the first request
 * with a key does the work and keeps its answer (status, location, JSON body) under the key, in
 * the same transaction as the work; a retry with the same key and the same request gets that
 * answer again and nothing is done twice. The same key with a different request is refused.
 * Two requests with one key at the same time: the second waits on the key's row and then gets
 * the first one's answer, or, where the database does not wait, a 409 to retry.
 */
@Component
class IdempotentRequests {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, PlatformTransactionManager transactionManager, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs the work once per user and key. Without a key it simply runs. {@code target} names the
     * request (method and path), {@code request} is its content as it arrived (any object, compared
     * as JSON).
     */
    ResponseEntity<?> run(String userId, String key, String target, Object request, Supplier<ResponseEntity<?>> work) {
        if (key == null) {
            return work.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException("The Idempotency-Key header must be 1 to 200 visible ASCII characters.",
                    List.of(new FieldError(HEADER, "INVALID_FORMAT", "1 to 200 visible ASCII characters, e.g. a UUID.")));
        }
        String hash = hash(target, request);
        try {
            return transactions.execute(status -> {
                claim(userId, key, target, hash);
                ResponseEntity<?> response = work.get();
                keep(userId, key, response);
                return response;
            });
        } catch (KeyTakenException taken) {
            return replay(userId, key, target, hash);
        } catch (ConcurrencyFailureException busy) {
            throw new InProgressException();
        }
    }

    private void claim(String userId, String key, String target, String hash) {
        try {
            jdbc.sql("INSERT INTO api_idempotency_keys (user_id, idem_key, request_target, request_hash, response_status, "
                    + "response_location, response_body, created_at) VALUES (?, ?, ?, ?, 0, NULL, '', ?)")
                    .params(userId, key, target, hash, Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException exists) {
            throw new KeyTakenException();
        } catch (ConcurrencyFailureException busy) {
            throw new InProgressException();
        }
    }

    private void keep(String userId, String key, ResponseEntity<?> response) {
        URI location = response.getHeaders().getLocation();
        jdbc.sql("UPDATE api_idempotency_keys SET response_status = ?, response_location = ?, response_body = ? "
                + "WHERE user_id = ? AND idem_key = ?")
                .params(response.getStatusCode().value(), location == null ? null : location.toString(),
                        write(response.getBody()), userId, key)
                .update();
    }

    private ResponseEntity<?> replay(String userId, String key, String target, String hash) {
        Optional<Stored> stored = jdbc.sql("SELECT request_target, request_hash, response_status, response_location, "
                + "response_body FROM api_idempotency_keys WHERE user_id = ? AND idem_key = ?")
                .params(userId, key)
                .query((row, n) -> new Stored(row.getString(1), row.getString(2), row.getInt(3), row.getString(4),
                        row.getString(5)))
                .optional();
        if (stored.isEmpty() || stored.get().status() == 0) {
            // Taken by a request that has not finished (or was just undone): the caller retries.
            throw new InProgressException();
        }
        Stored answer = stored.get();
        if (!answer.target().equals(target) || !answer.hash().equals(hash)) {
            throw new KeyReusedException(answer.target());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotent-Replayed", "true");
        if (answer.location() != null) {
            headers.setLocation(URI.create(answer.location()));
        }
        return ResponseEntity.status(answer.status()).headers(headers).body(answer.body());
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot keep the answer of an idempotent request", e);
        }
    }

    private String hash(String target, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(target.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(request instanceof byte[] bytes ? bytes : json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint a request", e);
        }
    }

    private record Stored(String target, String hash, int status, String location, String body) {
    }

    /** Thrown inside the transaction so that it is undone; the key's answer is read afterwards. */
    private static final class KeyTakenException extends RuntimeException {
        KeyTakenException() {
            super(null, null, false, false);
        }
    }

    /** The key was first used for another request. */
    static final class KeyReusedException extends RuntimeException {
        KeyReusedException(String firstTarget) {
            super("This Idempotency-Key was used before for a different request (" + firstTarget
                    + " with another body). Use a new key for a new request.");
        }
    }

    /** Another request with the same key is still being answered. */
    static final class InProgressException extends RuntimeException {
        InProgressException() {
            super("A request with this Idempotency-Key is still being processed. Retry in a moment to get its answer.");
        }
    }
}
