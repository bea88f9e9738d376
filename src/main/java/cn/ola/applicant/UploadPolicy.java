package cn.ola.applicant;

import java.util.Set;

import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Which files we keep: PDF, images and office documents up to a configurable size
 * ({@code ola.documents.max-size}, 20 MB by default). The type is told from the bytes, so a
 * program renamed to {@code .pdf} is refused; what we keep is served back only as an
 * attachment with the type found here, never rendered by the browser as a page.
 */
@Component
public class UploadPolicy {

    static final Set<String> ALLOWED_TYPES = Set.of(
            "application/pdf",
            "image/png", "image/jpeg", "image/gif", "image/tiff", "image/bmp", "image/webp",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation");

    private final Tika tika = new Tika();
    private final DataSize maxSize;

    UploadPolicy(@Value("${ola.documents.max-size:20MB}") DataSize maxSize) {
        this.maxSize = maxSize;
    }

    public DataSize maxSize() {
        return maxSize;
    }

    /** The content type to keep the file under; throws when the file is refused. */
    String check(Upload upload) {
        String name = upload.filename() == null ? "" : upload.filename().strip();
        if (name.isEmpty()) {
            throw new RefusedUploadException(RefusedUploadException.Reason.NAME_MISSING, name, maxSize.toBytes(), null,
                    "The file has no name. Please choose a file to upload.");
        }
        byte[] content = upload.content();
        if (content == null || content.length == 0) {
            throw new RefusedUploadException(RefusedUploadException.Reason.EMPTY, name, maxSize.toBytes(), null,
                    "The file '" + name + "' is empty.");
        }
        if (content.length > maxSize.toBytes()) {
            throw new RefusedUploadException(RefusedUploadException.Reason.TOO_LARGE, name, maxSize.toBytes(), null,
                    "The file '" + name + "' is larger than " + maxSize.toMegabytes() + " MB, the most we accept.");
        }
        String type = tika.detect(content, name);
        if (!ALLOWED_TYPES.contains(type)) {
            throw new RefusedUploadException(RefusedUploadException.Reason.TYPE_NOT_ALLOWED, name, maxSize.toBytes(), type,
                    "The file '" + name + "' is of a type we do not accept (" + type
                            + "). Please upload PDF, an image or an office document.");
        }
        return type;
    }
}
