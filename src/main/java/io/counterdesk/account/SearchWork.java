package io.counterdesk.account;

/**
 * What the last partial search on this thread read (the bench's worst-query lists and ADR 0027):
 * statements run, index rows read (one per slice and block of 1,024 accounts), candidates whose
 * stored text was checked, and whether it stopped at its cap (then the first page only).
 */
public record SearchWork(int statements, int indexRows, int textsChecked, boolean capped) {

    private static final ThreadLocal<int[]> CURRENT = ThreadLocal.withInitial(() -> new int[4]);

    /** The work of the last {@code findByText} on this thread. */
    public static SearchWork last() {
        int[] w = CURRENT.get();
        return new SearchWork(w[0], w[1], w[2], w[3] != 0);
    }

    /** Forgets the last search's work (before a call that may not search the index at all). */
    public static void reset() {
        java.util.Arrays.fill(CURRENT.get(), 0);
    }

    static void statement(int rows) {
        int[] w = CURRENT.get();
        w[0]++;
        w[1] += rows;
    }

    static void checked(int texts) {
        int[] w = CURRENT.get();
        w[0]++;
        w[2] += texts;
    }

    static void markCapped() {
        CURRENT.get()[3] = 1;
    }

    @Override
    public String toString() {
        return statements + " stmts, " + indexRows + " index rows, " + textsChecked + " texts" + (capped ? ", capped" : "");
    }
}
