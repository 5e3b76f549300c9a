package io.counterdesk.account;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The slices that make "any part of a name or address" searchable through an index (ADR 0005, 0020).
 * A stored text is indexed by every character, every two and every three adjacent characters of its
 * normalised form; a query of one or two characters is looked up by itself, a longer one by each of
 * its three-character slices (every one of them must be present: a fragment of common characters in
 * an order no account holds, "元1单", has a slice no account holds), and a query of four or more
 * characters is then checked whole. Characters are code points, so a rare name character outside the
 * BMP (𠮷) is one character.
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

    /** The three-character slices of a stored text (name or address), each once. */
    public static Set<String> trigramsOfStoredText(String text) {
        return slices(normalise(text).codePoints().toArray(), 3);
    }

    /**
     * The four-character slices of a stored text (name or address), each once: kept only as a set of what
     * some account holds ({@code search_fourgram}, ADR 0030), so that a query with a four-character slice no
     * account holds ("元17幢" in "2单元17幢") ends before any block is read.
     */
    public static Set<String> fourgramsOfStoredText(String text) {
        return slices(normalise(text).codePoints().toArray(), 4);
    }

    /** The four-character slices of a query (none below four characters). */
    public static Set<String> fourgramsOfQuery(String query) {
        return slices(normalise(query).codePoints().toArray(), 4);
    }

    /**
     * The slices a query is looked up by: a query of one or two characters itself, a longer one its
     * three-character slices.
     */
    public static Set<String> slicesOfQuery(String query) {
        int[] chars = normalise(query).codePoints().toArray();
        return chars.length <= 2 ? slices(chars, chars.length) : slices(chars, 3);
    }

    private static Set<String> slices(int[] chars, int width) {
        Set<String> slices = new LinkedHashSet<>();
        for (int i = 0; width > 0 && i + width <= chars.length; i++) {
            slices.add(new String(chars, i, width));
        }
        return slices;
    }
}
