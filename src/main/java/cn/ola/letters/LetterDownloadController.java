package cn.ola.letters;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import cn.ola.filing.ApplicationNumber;
import cn.ola.security.CurrentGroups;
import cn.ola.security.Roles;

/**
 * Downloads of the decision letters: staff who see every case under {@code /staff/} (the security
 * rules keep it to the staff role), the applicant company's users under {@code /applications/}. Anyone else gets
 * the same 404 as for a letter that does not exist.
 */
@Controller
class LetterDownloadController {

    private final Letters letters;

    LetterDownloadController(Letters letters) {
        this.letters = letters;
    }

    /**
     * Letters are addressed to the company and decide a gate: staff who see every case read them; a
     * member agency or an industry regulator does not (DESIGN §6a), and gets the same 404.
     */
    @GetMapping("/staff/applications/{number}/letters/{documentId}")
    ResponseEntity<byte[]> forStaff(@PathVariable String number, @PathVariable String documentId, Authentication user) {
        if (!Roles.seesEveryCase(CurrentGroups.of(user))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return download(parse(number).flatMap(n -> id(documentId).flatMap(id -> letters.forStaff(n, id))));
    }

    @GetMapping("/applications/{number}/letters/{documentId}")
    ResponseEntity<byte[]> forCompany(@PathVariable String number, @PathVariable String documentId, Authentication user) {
        return download(parse(number).flatMap(n -> id(documentId).flatMap(id -> letters.forCompanyUser(user.getName(), n, id))));
    }

    private static ResponseEntity<byte[]> download(Optional<Letters.LetterFile> letter) {
        Letters.LetterFile file = letter.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.document().originalFilename(), StandardCharsets.UTF_8).build().toString())
                .contentLength(file.content().length)
                .body(file.content());
    }

    private static Optional<ApplicationNumber> parse(String number) {
        try {
            return Optional.of(ApplicationNumber.parse(number));
        } catch (IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<Long> id(String documentId) {
        try {
            return Optional.of(Long.parseLong(documentId));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }
}
