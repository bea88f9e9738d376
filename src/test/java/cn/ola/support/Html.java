package cn.ola.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading our server-rendered pages as a person reads them: one part of a page, a table's rows, visible text. */
public final class Html {

    private Html() {
    }

    /** The rows of the table with this id, each as the text of its cells joined by " | ", tags removed. */
    public static List<String> rows(String html, String tableId) {
        int start = html.indexOf("id=\"" + tableId + "\"");
        assertThat(start).as("table " + tableId + " on the page").isNotNegative();
        int end = html.indexOf("</table>", start);
        String table = html.substring(start, end);
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(text(cell.group(1)));
            }
            rows.add(String.join(" | ", cells));
        }
        return rows;
    }

    /** Visible text of an HTML snippet: tags removed, entities of our templates decoded, blanks collapsed. */
    public static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replaceAll("\\s+", " ").strip();
    }

    /** The element with this id, up to its closing tag: for assertions about one part of a page. */
    public static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element " + id + " on the page").isNotNegative();
        int open = html.lastIndexOf('<', start);
        String tag = html.substring(open + 1, html.indexOf(' ', open));
        int depth = 0;
        int at = open;
        while (true) {
            int nextOpen = html.indexOf("<" + tag, at + 1);
            int nextClose = html.indexOf("</" + tag + ">", at + 1);
            if (nextClose < 0) {
                return html.substring(open);
            }
            if (nextOpen >= 0 && nextOpen < nextClose) {
                depth++;
                at = nextOpen;
            } else if (depth == 0) {
                return html.substring(open, nextClose + tag.length() + 3);
            } else {
                depth--;
                at = nextClose;
            }
        }
    }
}
