package io.counterdesk.payment;

import io.counterdesk.account.MeterKind;
import java.util.Objects;

/**
 * What the voucher rules need to know about the account: its meter kind, its monthly average
 * volume, its latest meter reading and the reading already paid for by vouchers (null if none).
 */
public record VoucherContext(MeterKind meterKind, long monthlyAverageM3, long latestReading, Long paidToReading) {

    public VoucherContext {
        Objects.requireNonNull(meterKind);
    }
}
