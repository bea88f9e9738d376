package cn.ola.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import cn.ola.applicant.RefusedUploadException.Reason;

class UploadPolicyTest {

    private final UploadPolicy policy = new UploadPolicy(DataSize.ofKilobytes(64));

    @Test
    void aPdfIsKeptAsPdfWhateverItIsCalled() {
        assertThat(policy.check(new Upload("prospectus.pdf", pdf()))).isEqualTo("application/pdf");
        assertThat(policy.check(new Upload("scan", pdf()))).isEqualTo("application/pdf");
    }

    @Test
    void imagesAndOfficeDocumentsAreAccepted() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(policy.check(new Upload("seal.png", png))).isEqualTo("image/png");
        assertThat(policy.check(new Upload("opinion.docx", ooxml("word/document.xml"))))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void aProgramRenamedToPdfIsRefusedByItsBytes() {
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
        assertThatThrownBy(() -> policy.check(new Upload("report.pdf", program)))
                .isInstanceOfSatisfying(RefusedUploadException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED);
                    assertThat(refused.filename()).isEqualTo("report.pdf");
                })
                .hasMessageContaining("report.pdf");
    }

    @Test
    void plainTextAndHtmlAreRefused() {
        assertThatThrownBy(() -> policy.check(new Upload("notes.pdf", "just text".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(RefusedUploadException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED));
        assertThatThrownBy(() -> policy.check(new Upload("page.html",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(RefusedUploadException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimit() {
        byte[] big = new byte[64 * 1024 + 1];
        System.arraycopy(pdf(), 0, big, 0, pdf().length);
        assertThatThrownBy(() -> policy.check(new Upload("big.pdf", big)))
                .isInstanceOfSatisfying(RefusedUploadException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
                    assertThat(refused.maxBytes()).isEqualTo(64 * 1024);
                });
        byte[] justRight = new byte[64 * 1024];
        System.arraycopy(pdf(), 0, justRight, 0, pdf().length);
        assertThat(policy.check(new Upload("ok.pdf", justRight))).isEqualTo("application/pdf");
    }

    @Test
    void emptyAndNamelessFilesAreRefused() {
        assertThatThrownBy(() -> policy.check(new Upload("empty.pdf", new byte[0])))
                .isInstanceOfSatisfying(RefusedUploadException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.EMPTY));
        assertThatThrownBy(() -> policy.check(new Upload(" ", pdf())))
                .isInstanceOfSatisfying(RefusedUploadException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.NAME_MISSING));
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] ooxml(String mainPart) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(mainPart));
            zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
