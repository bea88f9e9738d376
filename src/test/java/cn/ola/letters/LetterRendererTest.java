package cn.ola.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The letters as a reader gets them: a PDF whose text (read back with PDFBox) carries the
 * application number, the company's Chinese and English names, the date and the decision —
 * which only works when the embedded font maps its glyphs back to Unicode.
 */
class LetterRendererTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 5);
    private static final String NUMBER = "OLA-2026-000123";
    /** Uncommon characters too: a company name is not limited to the letters' own words. */
    private static final String COMPANY_ZH = "鑫淼犇骉（厦门）数据科技股份有限公司";
    private static final String COMPANY_EN = "Xinmiao Data Technology Co., Ltd.";

    private final LetterRenderer renderer = new LetterRenderer();

    @Test
    void theFilingNoticeNamesTheCaseTheCompanyTheDateAndTheListing() throws IOException {
        Letter.Particulars listing = new Letter.Particulars("Xinmiao Holdings Ltd. (Cayman Islands)", "纽约证券交易所（美国）",
                "New York Stock Exchange (United States)",
                "首次公开发行", "Initial public offering", "间接境外发行上市", "Indirect overseas offering and listing");
        byte[] pdf = renderer.pdf(letter(LetterKind.FILING_NOTICE, "中国证券监督管理委员会", "China Securities Regulatory Commission",
                "境外发行上市备案通知书", "Filing Notice for Overseas Offering and Listing", "FILED", null, listing));

        String text = text(pdf);
        assertThat(text).contains(NUMBER, COMPANY_ZH + "：", COMPANY_EN, "91350200MA2XYZ1234", "2026年3月5日", "5 March 2026",
                "境外发行上市备案通知书", "Filing Notice for Overseas Offering and Listing", "中国证券监督管理委员会",
                "现予备案", "备案结论：予以备案。", "the filing is recorded", "Xinmiao Holdings Ltd. (Cayman Islands)",
                "纽约证券交易所（美国）",
                "New York Stock Exchange (United States)", "首次公开发行", "12个月内完成境外发行上市");
        assertThat(text).doesNotContain("#{", "${", "th:");
    }

    @Test
    void aRefusalStatesWhoRefusedAndWhy() throws IOException {
        byte[] pdf = renderer.pdf(letter(LetterKind.REFUSAL_LETTER, "国家烟草专卖局", "State Tobacco Monopoly Administration",
                "境外发行上市不予通过通知书", "Notice of Refusal of the Overseas Offering and Listing", "REFUSED",
                "烟草专卖品的生产经营不得由境外投资者控制。\nForeign control of a tobacco monopoly business is not allowed.", null));

        String text = text(pdf);
        assertThat(text).contains(NUMBER, COMPANY_ZH, "国家烟草专卖局", "State Tobacco Monopoly Administration",
                "决定不予通过", "Decision: refused", "烟草专卖品的生产经营不得由境外投资者控制。",
                "Foreign control of a tobacco monopoly business is not allowed.", "行政复议");
    }

    @Test
    void aReviewConclusionSaysClearedOrProhibited() throws IOException {
        String cleared = text(renderer.pdf(letter(LetterKind.REVIEW_CONCLUSION, "网络安全审查办公室", "Cybersecurity Review Office",
                "网络安全审查结论通知书", "Notice of the Cybersecurity Review Conclusion", "CLEARED", "未发现影响国家安全的风险。", null)));
        String prohibited = text(renderer.pdf(letter(LetterKind.REVIEW_CONCLUSION, "网络安全审查办公室", "Cybersecurity Review Office",
                "网络安全审查结论通知书", "Notice of the Cybersecurity Review Conclusion", "PROHIBITED", "核心数据出境风险。", null)));

        assertThat(cleared).contains(NUMBER, COMPANY_ZH, "审查结论：该上市事项不影响国家安全，审查通过。", "the review is cleared",
                "未发现影响国家安全的风险。").doesNotContain("不得赴国外上市");
        assertThat(prohibited).contains(NUMBER, COMPANY_ZH, "你公司不得赴国外上市", "may not list abroad", "核心数据出境风险。")
                .doesNotContain("审查通过");
    }

    @Test
    void aSubsequentOfferingsConclusionNamesTheOfferingAndSaysFiledOrRefused() throws IOException {
        Letter.Particulars listing = new Letter.Particulars(null, "香港联合交易所（中国香港）", "Hong Kong Stock Exchange (Hong Kong, China)",
                "首次公开发行", "Initial public offering", "直接境外发行上市", "Direct overseas offering and listing");
        String offering = "H股配售2亿股，约12亿港元 / Placing of 200 million H shares, about HKD 1.2 billion";
        String filed = text(renderer.pdf(offeringLetter("FILED", "备案材料完备。", listing, offering)));
        String refused = text(renderer.pdf(offeringLetter("REFUSED", "本次发行属于第八条规定的情形。", listing, offering)));

        assertThat(filed).contains(NUMBER, COMPANY_ZH, "境外上市后发行证券备案结论通知书", "第十六条", "香港联合交易所（中国香港）",
                "Placing of 200 million H shares", "备案结论：予以备案。", "the offering is filed", "备案材料完备。")
                .doesNotContain("不予备案", "行政复议");
        assertThat(refused).contains(NUMBER, "备案结论：不予备案。", "the filing of the offering is refused", "本次发行属于第八条规定的情形。",
                "行政复议").doesNotContain("予以备案。");
    }

    @Test
    void theChineseTextIsSetInTheEmbeddedFontNotAStandardOne() throws IOException {
        byte[] pdf = renderer.pdf(letter(LetterKind.REFUSAL_LETTER, "中国证券监督管理委员会", "China Securities Regulatory Commission",
                "境外发行上市不予通过通知书", "Notice of Refusal", "REFUSED", "理由", null));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(0).getResources();
            boolean embeddedCjkFont = false;
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                if (font instanceof PDType0Font type0 && font.getName().contains(LetterRenderer.FONT_FACE)) {
                    embeddedCjkFont = type0.isEmbedded() && type0.getDescendantFont() != null;
                }
            }
            assertThat(embeddedCjkFont).as("the WenQuanYi face is embedded").isTrue();
        }
    }

    /**
     * A letter is printed with a font of only the glyphs it shows, and looks exactly as when printed from the whole
     * face: the same page, pixel for pixel, and the same text read back. That the font is the letter's own shows in
     * the glyph numbers the page uses: those of a font of a few hundred glyphs, not the face's (its Chinese glyphs
     * are numbered in the thousands).
     */
    @Test
    void aLetterPrintedWithItsOwnGlyphsLooksAsPrintedFromTheWholeFace() throws IOException {
        Letter.Particulars listing = new Letter.Particulars("Xinmiao Holdings Ltd. (Cayman Islands)", "纽约证券交易所（美国）",
                "New York Stock Exchange (United States)", "首次公开发行", "Initial public offering", "间接境外发行上市",
                "Indirect overseas offering and listing");
        List<Letter> letters = List.of(
                letter(LetterKind.FILING_NOTICE, "中国证券监督管理委员会", "China Securities Regulatory Commission",
                        "境外发行上市备案通知书", "Filing Notice for Overseas Offering and Listing", "FILED", null, listing),
                letter(LetterKind.REFUSAL_LETTER, "国家烟草专卖局", "State Tobacco Monopoly Administration",
                        "境外发行上市不予通过通知书", "Notice of Refusal", "REFUSED",
                        "烟草专卖品的生产经营不得由境外投资者控制 <第3条> & “附件”。\nForeign control — not allowed (§ 3).", null));
        for (Letter letter : letters) {
            byte[] own = renderer.pdf(letter);
            byte[] whole = renderer.print(letter, true);
            try (PDDocument ownGlyphs = Loader.loadPDF(own); PDDocument wholeFace = Loader.loadPDF(whole)) {
                assertThat(ownGlyphs.getNumberOfPages()).isEqualTo(wholeFace.getNumberOfPages());
                for (int page = 0; page < ownGlyphs.getNumberOfPages(); page++) {
                    BufferedImage a = new PDFRenderer(ownGlyphs).renderImageWithDPI(page, 100);
                    BufferedImage b = new PDFRenderer(wholeFace).renderImageWithDPI(page, 100);
                    assertThat(pixels(a)).as("page %d of the %s", page + 1, letter.kind()).isEqualTo(pixels(b));
                }
                assertThat(highestGlyph(ownGlyphs)).as("glyph numbers of the letter's own font").isLessThan(1_000);
                assertThat(highestGlyph(wholeFace)).as("glyph numbers of the whole face").isGreaterThan(1_000);
            }
            assertThat(text(own)).isEqualTo(text(whole)).contains("Xinmiao Data Technology", COMPANY_ZH);
        }
    }

    /** The face has a few characters beyond the Basic Multilingual Plane: a letter naming one shows it too. */
    @Test
    void aCharacterBeyondTheBasicPlaneThatTheFaceHasIsShown() throws IOException {
        String name = "鑫\uD801\uDC00（厦门）数据科技股份有限公司";
        Letter letter = new Letter(LetterKind.REFUSAL_LETTER, NUMBER, name, COMPANY_EN, "91350200MA2XYZ1234", ISSUED,
                "境外发行上市不予通过通知书", "Notice of Refusal", "中国证券监督管理委员会", "China Securities Regulatory Commission",
                "REFUSED", "理由", null);

        assertThat(text(renderer.pdf(letter))).contains(name);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** The highest glyph number the page shows text with (Identity-H: a character code is its glyph number). */
    private static int highestGlyph(PDDocument document) throws IOException {
        int highest = 0;
        PDFStreamParser parser = new PDFStreamParser(document.getPage(0));
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (token instanceof COSString string) {
                byte[] codes = string.getBytes();
                for (int i = 0; i + 1 < codes.length; i += 2) {
                    highest = Math.max(highest, ((codes[i] & 0xFF) << 8) | (codes[i + 1] & 0xFF));
                }
            }
        }
        return highest;
    }

    /**
     * The parsed font is kept between letters, one letter at a time: letters printed at once (the
     * job executor prints several) each come out whole, with their own reasons in them.
     */
    @Test
    void lettersPrintedAtTheSameTimeEachComeOutWhole() throws Exception {
        String[] reasons = {"甲方理由：数据出境风险一。", "乙方理由：核心数据二。", "丙方理由：个人信息三。", "丁方理由：重要数据四。",
            "戊方理由：关键信息基础设施五。", "己方理由：国家安全六。"};
        var printers = java.util.concurrent.Executors.newFixedThreadPool(reasons.length);
        try {
            var letters = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int round = 0; round < 3; round++) {
                for (String reason : reasons) {
                    letters.add(printers.submit(() -> text(renderer.pdf(letter(LetterKind.REVIEW_CONCLUSION, "网络安全审查办公室",
                            "Cybersecurity Review Office", "网络安全审查结论通知书", "Notice of the Cybersecurity Review Conclusion",
                            "PROHIBITED", reason, null)))));
                }
            }
            for (int i = 0; i < letters.size(); i++) {
                String text = letters.get(i).get();
                assertThat(text).contains(NUMBER, COMPANY_ZH, "你公司不得赴国外上市", reasons[i % reasons.length]);
            }
        } finally {
            printers.shutdownNow();
        }
    }

    @Test
    void theShippedFontCoversEveryChineseCharacterOfGb2312() throws IOException {
        try (InputStream file = getClass().getClassLoader().getResourceAsStream(LetterRenderer.FONT_RESOURCE);
                TrueTypeCollection fonts = new TrueTypeCollection(file)) {
            TrueTypeFont face = fonts.getFontByName(LetterRenderer.FONT_FACE);
            CmapLookup unicode = face.getUnicodeCmapLookup();
            Charset gb2312 = Charset.forName("GB2312");
            StringBuilder missing = new StringBuilder();
            int hanzi = 0;
            // Rows 16 to 87 of GB2312 hold its 6,763 hanzi.
            for (int row = 0xB0; row <= 0xF7; row++) {
                for (int cell = 0xA1; cell <= 0xFE; cell++) {
                    String character = new String(new byte[] {(byte) row, (byte) cell}, gb2312);
                    if (character.length() == 1 && character.charAt(0) != '\uFFFD') {
                        hanzi++;
                        if (unicode.getGlyphId(character.charAt(0)) == 0) {
                            missing.append(character);
                        }
                    }
                }
            }
            assertThat(hanzi).isEqualTo(6763);
            assertThat(missing).as("GB2312 hanzi without a glyph").isEmpty();
        }
    }

    private static Letter letter(LetterKind kind, String authorityZh, String authorityEn, String titleZh, String titleEn,
            String decision, String reasons, Letter.Particulars particulars) {
        return new Letter(kind, NUMBER, COMPANY_ZH, COMPANY_EN, "91350200MA2XYZ1234", ISSUED, titleZh, titleEn, authorityZh,
                authorityEn, decision, reasons, particulars);
    }

    private static Letter offeringLetter(String decision, String reasons, Letter.Particulars listing, String offering) {
        return new Letter(LetterKind.SUBSEQUENT_OFFERING_CONCLUSION, NUMBER, COMPANY_ZH, COMPANY_EN, "91350200MA2XYZ1234", ISSUED,
                "境外上市后发行证券备案结论通知书", "Notice of the Filing Conclusion on a Subsequent Offering", "中国证券监督管理委员会",
                "China Securities Regulatory Commission", decision, reasons, listing, null, offering);
    }

    static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // One letter, one line of text per line on the page: join them so that wrapped sentences still match.
            return new PDFTextStripper().getText(document).replace("\r", "").replace("\n", "");
        }
    }
}
