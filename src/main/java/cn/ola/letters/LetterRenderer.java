package cn.ola.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * Lays a letter out with its template ({@code letters/<kind>.html}) and prints it to PDF. The
 * Chinese text needs a font of its own: WenQuanYi Micro Hei ships inside the application
 * ({@code letters/fonts/}, Apache License 2.0) and is embedded as a subset, with a Unicode map,
 * so that every reader shows the glyphs and a search or copy finds the text.
 */
@Component
class LetterRenderer {

    static final String FONT_RESOURCE = "letters/fonts/wqy-microhei.ttc";
    /** PostScript name of the proportional face in the collection (the other is Micro Hei Mono). */
    static final String FONT_FACE = "WenQuanYiMicroHei";
    /** The family name the templates' style sheet asks for. */
    static final String FONT_FAMILY = "WenQuanYi Micro Hei";
    private static final String PRODUCER = "Overseas Listing Approval";
    /** How many parsed copies of the font are kept between letters (letters printed at the same time). */
    static final int FONTS_KEPT = 4;

    private final SpringTemplateEngine templates;
    /**
     * Parsed copies of the font, idle between letters. Reading the 5 MB collection from the jar
     * and parsing it cost about three times as much as printing a letter; a parsed font is
     * reused, but by one letter at a time: PDFBox reads its glyphs through one shared stream
     * position, so two documents embedding from the same font at once would corrupt each other.
     * A letter takes an idle copy or parses a new one, and gives it back when printed; at most
     * {@link #FONTS_KEPT} are kept.
     */
    private final BlockingQueue<Face> idleFaces = new ArrayBlockingQueue<>(FONTS_KEPT);

    LetterRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(LetterRenderer.class.getClassLoader());
        resolver.setPrefix("letters/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        this.templates = new SpringTemplateEngine();
        this.templates.setTemplateResolver(resolver);
        // The renderer reports every font load and stylesheet timing at INFO; only problems belong in our log.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    /** The letter as XHTML, before printing: what the template made of it. */
    String html(Letter letter) {
        Context context = new Context();
        context.setVariable("letter", letter);
        return templates.process(letter.kind().slug(), context);
    }

    byte[] pdf(Letter letter) {
        String html = html(letter);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Face face = null;
        try (PDDocument document = new PDDocument()) {
            face = borrowFace();
            // Not closed with the document: the font stays open for the next letter.
            PDType0Font font = PDType0Font.load(document, face.font(), true);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            // The face has no bold cut: headings in bold use the same glyphs rather than a font without Chinese.
            builder.useFont(new PDFontSupplier(font), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(font), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            // Everything a letter shows is in the template and the font above: nothing is fetched while printing.
            builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.withHtmlContent(html, null);
            builder.withProducer(PRODUCER);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The " + letter.kind() + " of " + letter.applicationNumber()
                    + " could not be printed to PDF", e);
        } finally {
            giveBack(face);
        }
        return pdf.toByteArray();
    }

    /** The font face with the open collection it was read from. */
    private record Face(TrueTypeCollection collection, TrueTypeFont font) {
    }

    private Face borrowFace() throws IOException {
        Face idle = idleFaces.poll();
        if (idle != null) {
            return idle;
        }
        try (InputStream fontFile = fontFile()) {
            TrueTypeCollection fonts = new TrueTypeCollection(fontFile);
            TrueTypeFont face = fonts.getFontByName(FONT_FACE);
            if (face == null) {
                fonts.close();
                throw new IllegalStateException(FONT_RESOURCE + " has no face " + FONT_FACE);
            }
            return new Face(fonts, face);
        }
    }

    private void giveBack(Face face) {
        if (face != null && !idleFaces.offer(face)) {
            try {
                face.collection().close();
            } catch (IOException ignored) {
                // Read from memory: closing only lets the buffer go.
            }
        }
    }

    private static InputStream fontFile() throws IOException {
        InputStream font = LetterRenderer.class.getClassLoader().getResourceAsStream(FONT_RESOURCE);
        if (font == null) {
            throw new IOException("The letter font " + FONT_RESOURCE + " is missing from the application");
        }
        return font;
    }
}
