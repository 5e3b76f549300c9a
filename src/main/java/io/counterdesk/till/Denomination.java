package io.counterdesk.till;

import io.counterdesk.shared.Money;

/**
 * The notes and coins a drawer is counted in (人民币 100 元 … 1 分), largest first. The fen coins are
 * there because change is given to the fen: a drawer that took ¥99.16 and gave ¥0.84 back can only be
 * counted to the fen, or every such day would show a few fen over or short that no one took.
 */
public enum Denomination {
    Y100(10_000),
    Y50(5_000),
    Y20(2_000),
    Y10(1_000),
    Y5(500),
    Y1(100),
    J5(50),
    J1(10),
    F5(5),
    F2(2),
    F1(1);

    private final long fen;

    Denomination(long fen) {
        this.fen = fen;
    }

    public Money faceValue() {
        return Money.ofFen(fen);
    }

    /** The amount of {@code pieces} of this denomination. */
    public Money times(int pieces) {
        return faceValue().times(pieces);
    }
}
