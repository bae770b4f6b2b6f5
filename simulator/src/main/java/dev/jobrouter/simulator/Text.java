package dev.jobrouter.simulator;

import java.util.Locale;

/** Small text helpers shared by the summary and the HTML report. */
final class Text {
    private Text() {}

    /** @return a share as a percentage with one decimal, or "n/a" for {@code NaN} */
    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** @return {@code text} safe inside HTML element content and attribute values */
    static String html(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
