package cn.ola.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.stream.IntStream;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.unbescape.html.HtmlEscape;

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

    /**
     * The tables of the face a letter's font keeps: the glyphs with their metrics and hints, the character map
     * and the names and measures PDFBox describes the font by; not the face's tables for other writing systems.
     */
    private static final List<String> TABLES = List.of("head", "hhea", "maxp", "loca", "glyf", "hmtx", "cmap", "OS/2",
            "name", "post", "cvt ", "prep", "fpgm", "gasp");

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
        return print(letter, false);
    }

    /**
     * Prints the letter with a font of the glyphs it shows, embedded as a subset (PDFBox names and tags it), or,
     * with {@code wholeFace} or where the letter has a character beyond the Basic Multilingual Plane that the
     * face can show (a few; fontbox cannot write a map of those for a font of its own), from the whole face.
     * The result looks the same (LetterRendererTest); from the whole face PDFBox works through the widths of all
     * its 49,531 glyphs and writes a glyph map as long as the highest glyph number used, which took about as
     * long as laying the letter out.
     */
    byte[] print(Letter letter, boolean wholeFace) {
        String html = html(letter);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Face face = null;
        TrueTypeFont glyphs = null;
        try (PDDocument document = new PDDocument()) {
            face = borrowFace();
            Set<Integer> characters = charactersOf(html);
            if (!wholeFace && !beyondBasicPlane(face.font(), characters)) {
                glyphs = glyphsOf(face.font(), characters);
            }
            // Not closed with the document: the face stays open for the next letter.
            PDType0Font font = PDType0Font.load(document, glyphs == null ? face.font() : glyphs, true);
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
            closeQuietly(glyphs);
        }
        return pdf.toByteArray();
    }

    /**
     * Every character the letter's XHTML holds, as written and with its character references read (the text, the
     * style sheet with its generated content), and all of printable ASCII (the page numbers the renderer counts,
     * the '#' it sets for a character the face lacks).
     */
    private static Set<Integer> charactersOf(String html) {
        Set<Integer> characters = new HashSet<>();
        html.codePoints().forEach(characters::add);
        HtmlEscape.unescapeHtml(html).codePoints().forEach(characters::add);
        IntStream.rangeClosed(0x20, 0x7E).forEach(characters::add);
        return characters;
    }

    private static boolean beyondBasicPlane(TrueTypeFont face, Set<Integer> characters) throws IOException {
        CmapLookup unicode = face.getUnicodeCmapLookup();
        for (int character : characters) {
            if (character > 0xFFFF && unicode.getGlyphId(character) != 0) {
                return true;
            }
        }
        return false;
    }

    /** A font of the face's glyphs for these characters (those it has), with the tables PDFBox and the layout read. */
    private static TrueTypeFont glyphsOf(TrueTypeFont face, Set<Integer> characters) throws IOException {
        TTFSubsetter subset = new TTFSubsetter(face, TABLES);
        subset.addAll(characters);
        ByteArrayOutputStream font = new ByteArrayOutputStream();
        subset.writeToStream(font);
        return new TTFParser(true).parse(new RandomAccessReadBuffer(font.toByteArray()));
    }

    private static void closeQuietly(TrueTypeFont font) {
        if (font != null) {
            try {
                font.close();
            } catch (IOException ignored) {
                // Read from memory: closing only lets the buffer go.
            }
        }
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
