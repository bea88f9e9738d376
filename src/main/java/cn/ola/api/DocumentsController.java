package cn.ola.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.ola.api.Problems.FieldError;
import cn.ola.api.Representations.DocumentView;
import cn.ola.applicant.ApplicantCases;
import cn.ola.applicant.DocumentFile;
import cn.ola.applicant.DocumentKind;
import cn.ola.applicant.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The documents of an application: list, upload (while a draft), download. */
@RestController
@RequestMapping(Representations.BASE + "/{id}/documents")
@Tag(name = "Documents", description = "Files filed with an application. Their type is told from their bytes; "
        + "PDF, images and office documents are accepted.")
class DocumentsController {

    private final ApplicantCases cases;

    DocumentsController(ApplicantCases cases) {
        this.cases = cases;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The application's documents", description = "Replaced documents are listed with current = false.")
    List<DocumentView> list(@PathVariable long id, Principal user) {
        return cases.documents(user.getName(), id).stream().map(DocumentView::of).toList();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload a document to a draft",
            description = "multipart/form-data with `kind` and `file`. A new file of a kind replaces the previous one "
                    + "(SUPPLEMENT files are all kept). Refused: empty files, files of other types (400) and files over "
                    + "the size limit (413).")
    @ApiResponse(responseCode = "201", description = "Kept")
    @ApiResponse(responseCode = "400", description = "Unknown kind, empty file or a type we do not accept",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The application is submitted",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "Too large", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "too large", value = ApiExamples.TOO_LARGE_PROBLEM)))
    ResponseEntity<DocumentView> upload(@PathVariable long id, Principal user,
            @Parameter(description = "FILING_REPORT, PRC_LEGAL_OPINION, PROSPECTUS, CYBERSECURITY_REVIEW_DECLARATION, "
                    + "NATIONAL_SECURITY_IMPACT_REPORT, IPO_DOCUMENTS, PI_SELF_ASSESSMENT, INDUSTRY_OPINION, SUPPLEMENT")
            @RequestParam(name = "kind", required = false) String kind,
            @RequestPart(name = "file", required = false) MultipartFile file) {
        cases.application(user.getName(), id);
        DocumentKind documentKind = kind(kind, "kind");
        if (file == null) {
            throw new InvalidInputException(new FieldError("file", "REQUIRED", "Attach the file as the part 'file'."));
        }
        var kept = cases.upload(user.getName(), id, documentKind, upload(file));
        DocumentView view = DocumentView.of(kept);
        return ResponseEntity.created(URI.create(view.contentHref())).body(view);
    }

    @GetMapping("/{documentId}/content")
    @Operation(summary = "Download a document", description = "The bytes as an attachment, with the type found at upload.")
    @ApiResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "application/octet-stream"))
    @ApiResponse(responseCode = "404", description = "No such document of this application",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<byte[]> content(@PathVariable long id, @PathVariable long documentId, Principal user) {
        DocumentFile file = cases.document(user.getName(), id, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.document().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.document().originalFilename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    static DocumentKind kind(String code, String field) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(new FieldError(field, "REQUIRED", "Name the kind of document."));
        }
        return DocumentKind.parse(code).orElseThrow(() -> new InvalidInputException(new FieldError(field,
                "UNKNOWN_VALUE", "Must be one of " + String.join(", ",
                        Arrays.stream(DocumentKind.values()).map(Enum::name).toList()) + ".")));
    }

    static Upload upload(MultipartFile file) {
        try {
            return new Upload(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
