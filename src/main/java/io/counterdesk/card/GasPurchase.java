package io.counterdesk.card;

import java.time.LocalDate;

/**
 * One write of gas onto a card as the system recorded it (table {@code gas_purchase}).
 *
 * @param purchaseNo the card's purchase count once this write is on it
 */
public record GasPurchase(long id, long accountId, String cardSerial, int purchaseNo, Kind kind, long volumeM3,
                          long amountFen, LocalDate businessDay, Long paymentId, Status status) {

    /** What the gas is: bought, re-credited after a card or meter problem, or moved from a replaced meter. */
    public enum Kind {
        PURCHASE,
        RECREDIT,
        TRANSFER
    }

    /** Where the two-phase write stands. */
    public enum Status {
        PENDING,
        COMPLETED,
        REFUNDED,
        REVERSING,
        REVERSED
    }

    public boolean open() {
        return status == Status.PENDING || status == Status.REVERSING;
    }
}
