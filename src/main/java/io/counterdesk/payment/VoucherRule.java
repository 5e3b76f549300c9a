package io.counterdesk.payment;

import io.counterdesk.account.MeterKind;
import io.counterdesk.shared.BusinessException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The gas-voucher rules of seed 第十三条 (DESIGN 2.4), numbers configurable:
 * <ul>
 *   <li>one voucher settles {@code m3PerVoucher} (5) m³ of gas;</li>
 *   <li>a voucher is valid for its year or quarter plus {@code graceMonths} (1) month;</li>
 *   <li>vouchers taken at one time may not exceed {@code capMultiple} (3) × the account's monthly
 *       average volume — not applied to IC-card accounts;</li>
 *   <li>no vouchers are taken while the meter has not reached the reading already paid for by
 *       vouchers. The seed exempts IC accounts from the cap only, so this holds for them too, in
 *       the IC form: the card's last purchase (voucher-paid or not) must have been loaded into the
 *       meter — {@code TopUpService.inspect} refuses every purchase otherwise ({@code NOT_LOADED}),
 *       and an IC account never prepays with vouchers, so no reading is "paid for" ahead.</li>
 * </ul>
 */
public record VoucherRule(long m3PerVoucher, int graceMonths, int capMultiple) {

    public static final VoucherRule DEFAULT = new VoucherRule(5, 1, 3);

    /** The last day a voucher valid through {@code validThrough} is still accepted. */
    public LocalDate lastAcceptedDay(LocalDate validThrough) {
        return YearMonth.from(validThrough).plusMonths(graceMonths).atEndOfMonth();
    }

    public void checkValid(VoucherBatch batch, LocalDate payDay) {
        if (payDay.isAfter(lastAcceptedDay(batch.validThrough()))) {
            throw new BusinessException("payment.voucher.expired", batch.validThrough().toString(),
                    lastAcceptedDay(batch.validThrough()).toString());
        }
    }

    /** The most vouchers one payment may take for an account with this monthly average. */
    public long capVouchers(long monthlyAverageM3) {
        return capMultiple * monthlyAverageM3 / m3PerVoucher;
    }

    public void checkCap(long voucherCount, MeterKind meterKind, long monthlyAverageM3) {
        if (meterKind == MeterKind.IC) {
            return;
        }
        if (voucherCount * m3PerVoucher > capMultiple * monthlyAverageM3) {
            throw new BusinessException("payment.voucher.overCap", voucherCount, capVouchers(monthlyAverageM3),
                    monthlyAverageM3);
        }
    }

    /**
     * Refuses vouchers while the latest meter reading is below the reading already paid for by
     * vouchers ({@code paidToReading}, null when none is outstanding).
     */
    public void checkReading(long latestReading, Long paidToReading) {
        if (paidToReading != null && latestReading < paidToReading) {
            throw new BusinessException("payment.voucher.meterBehind", latestReading, paidToReading);
        }
    }
}
