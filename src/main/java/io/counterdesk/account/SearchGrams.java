package io.counterdesk.account;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The slices that make "any part of a name or address" searchable through an index (ADR 0005).
 * A stored text is indexed by every character and every two adjacent characters of its normalised
 * form; a query of one character is looked up by itself, a longer one by each of its two-character
 * slices (every one of them must be present), and the candidates are then checked for the whole
 * query. Characters are code points, so a rare name character outside the BMP (𠮷) is one character.
 */
public final class SearchGrams {

    private SearchGrams() {
    }

    /**
     * The form that is indexed and compared: full-width letters and digits from a Chinese input
     * method read as ASCII (NFKC), lower case, all whitespace and control characters removed.
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !Character.isISOControl(cp))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The index entries for a stored text (name or address): every character and every pair. */
    public static Set<String> ofStoredText(String text) {
        int[] chars = normalise(text).codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i < chars.length; i++) {
            grams.add(new String(chars, i, 1));
            if (i + 1 < chars.length) {
                grams.add(new String(chars, i, 2));
            }
        }
        return grams;
    }

    /** The slices a query is looked up by: a one-character query itself, else its two-character slices. */
    public static Set<String> ofQuery(String query) {
        int[] chars = normalise(query).codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        if (chars.length == 1) {
            grams.add(new String(chars, 0, 1));
            return grams;
        }
        for (int i = 0; i + 1 < chars.length; i++) {
            grams.add(new String(chars, i, 2));
        }
        return grams;
    }
}
