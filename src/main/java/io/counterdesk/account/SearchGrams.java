package io.counterdesk.account;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The slices that make "any part of a name or address" searchable through an index: every
 * two-character slice of the lower-cased text, plus its last character alone, so that a
 * one-character query finds it by prefix. A query of two or more characters is found through any
 * of its own two-character slices; the row is then checked for the whole query.
 */
public final class SearchGrams {

    private SearchGrams() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.toLowerCase(Locale.ROOT).codePoints()
                .filter(cp -> !Character.isWhitespace(cp))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The index entries for a stored text (name or address). */
    public static Set<String> ofStoredText(String text) {
        String t = normalise(text);
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i < t.length(); i++) {
            grams.add(t.substring(i, Math.min(i + 2, t.length())));
        }
        return grams;
    }

    /** The slices a query can be looked up by; a one-character query is its own (prefix) slice. */
    public static Set<String> ofQuery(String query) {
        String q = normalise(query);
        Set<String> grams = new LinkedHashSet<>();
        if (q.length() == 1) {
            grams.add(q);
            return grams;
        }
        for (int i = 0; i + 2 <= q.length(); i++) {
            grams.add(q.substring(i, i + 2));
        }
        return grams;
    }
}
