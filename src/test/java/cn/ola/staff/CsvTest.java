package cn.ola.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainCellsAreWrittenAsTheyAre() {
        assertThat(new Csv().row("2026-03-02T09:15:00+08:00", "csrc", "OUTCOME", "INTAKE_CHECK", "COMPLETE").toString())
                .isEqualTo("2026-03-02T09:15:00+08:00,csrc,OUTCOME,INTAKE_CHECK,COMPLETE\r\n");
    }

    @Test
    void emptyAndMissingCellsStayEmpty() {
        assertThat(new Csv().row(Arrays.asList("a", null, "", "b")).toString()).isEqualTo("a,,,b\r\n");
        assertThat(new Csv().row("a", null, "", "b").toString()).isEqualTo("a,,,b\r\n");
    }

    @Test
    void aCellWithACommaIsQuoted() {
        assertThat(Csv.cell("3,200,000 users")).isEqualTo("\"3,200,000 users\"");
    }

    @Test
    void quotesInsideAreDoubled() {
        assertThat(Csv.cell("the \"complete\" file")).isEqualTo("\"the \"\"complete\"\" file\"");
    }

    @Test
    void lineBreaksStayInsideOneQuotedCell() {
        assertThat(new Csv().row("MPS: concerns\nMSS: none", "x").toString())
                .isEqualTo("\"MPS: concerns\nMSS: none\",x\r\n");
        assertThat(Csv.cell("a\r\nb")).isEqualTo("\"a\r\nb\"");
    }

    @Test
    void blanksAtEitherEndAreKeptByQuoting() {
        assertThat(Csv.cell(" padded ")).isEqualTo("\" padded \"");
    }

    @Test
    void chineseTextNeedsNoQuoting() {
        assertThat(Csv.cell("示例数据科技股份有限公司")).isEqualTo("示例数据科技股份有限公司");
        assertThat(Csv.cell("材料齐全，同意受理")).isEqualTo("材料齐全，同意受理");
    }

    @Test
    void whatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.cell("+86 10 6500 0000")).isEqualTo("'+86 10 6500 0000");
        assertThat(Csv.cell("-1")).isEqualTo("'-1");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("a = b")).isEqualTo("a = b");
    }

    @Test
    void theBytesStartWithTheByteOrderMarkAndAreUtf8() {
        byte[] bytes = new Csv().row(List.of("公司", "name")).toBytes();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo("公司,name\r\n");
    }

    @Test
    void everyRowEndsWithCrLf() {
        assertThat(new Csv().row("a").row("b").toString()).isEqualTo("a\r\nb\r\n");
    }
}
