package cn.ola.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.DocumentFile;
import cn.ola.applicant.DocumentKind;
import cn.ola.applicant.RefusedUploadException;
import cn.ola.applicant.Upload;
import cn.ola.filing.StoredDocument;
import cn.ola.workflow.ApplicationNotFoundException;
import cn.ola.workflow.CaseNotWaitingException;

/** The documents of a draft: one upload per kind, replaceable until the application is submitted. */
@Controller
@RequestMapping("/applications/drafts/{id}/documents")
class DraftDocumentsController {

    static final String UPLOADED = "uploaded";
    static final String REFUSED = "refused";

    private final ApplicantCases cases;
    private final MessageSource messages;

    DraftDocumentsController(ApplicantCases cases, MessageSource messages) {
        this.cases = cases;
        this.messages = messages;
    }

    @PostMapping("/{kind}")
    String upload(@PathVariable long id, @PathVariable String kind, @RequestParam(required = false) MultipartFile file,
            Authentication user, RedirectAttributes redirect) throws IOException {
        DocumentKind documentKind = DocumentKind.parse(kind)
                .orElseThrow(() -> new ApplicationNotFoundException("document kind " + kind));
        String filename = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        byte[] content = file == null ? new byte[0] : file.getBytes();
        try {
            StoredDocument kept = cases.upload(user.getName(), id, documentKind, new Upload(filename, content));
            redirect.addFlashAttribute(UPLOADED, text("applications.documents.uploaded", kept.originalFilename(),
                    text("applications.document." + documentKind.name())));
        } catch (RefusedUploadException refused) {
            redirect.addFlashAttribute(REFUSED, refusal(refused));
        } catch (CaseNotWaitingException submitted) {
            redirect.addFlashAttribute(REFUSED, text("applications.documents.refused.submitted"));
        }
        return "redirect:/applications/drafts/" + id + "/documents#" + documentKind.name();
    }

    @GetMapping("/{documentId}/file")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId, Authentication user) {
        DocumentFile file = cases.document(user.getName(), id, documentId);
        StoredDocument document = file.document();
        return ResponseEntity.ok()
                .contentType(mediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.originalFilename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    private String refusal(RefusedUploadException refused) {
        String name = refused.filename() == null || refused.filename().isBlank() ? "?" : refused.filename();
        return switch (refused.reason()) {
            case EMPTY -> text("applications.documents.refused.EMPTY", name);
            case NAME_MISSING -> text("applications.documents.refused.NAME_MISSING");
            case TOO_LARGE -> text("applications.documents.refused.TOO_LARGE", name, size(refused.maxBytes()));
            case TYPE_NOT_ALLOWED -> text("applications.documents.refused.TYPE_NOT_ALLOWED", name,
                    refused.detectedType() == null ? "?" : refused.detectedType());
        };
    }

    /** A limit as people say it: "20 MB", or "1 KB" for small test limits. */
    static String size(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        return size.toMegabytes() >= 1 ? size.toMegabytes() + " MB" : Math.max(1, size.toKilobytes()) + " KB";
    }

    private static MediaType mediaType(String type) {
        try {
            return MediaType.parseMediaType(type);
        } catch (RuntimeException unreadable) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
