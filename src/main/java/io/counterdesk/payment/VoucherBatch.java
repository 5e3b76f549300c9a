package io.counterdesk.payment;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Gas vouchers (燃气票) of one kind handed in together: how many, the cash each needs in addition
 * (its printed face value; zero for a free-supply voucher), and the last day of the year or quarter
 * it was issued for.
 */
public record VoucherBatch(int count, Money faceValueEach, LocalDate validThrough) {

    public VoucherBatch {
        Objects.requireNonNull(faceValueEach);
        Objects.requireNonNull(validThrough);
        if (count <= 0) {
            throw new BusinessException("payment.voucher.count");
        }
        if (faceValueEach.isNegative()) {
            throw new BusinessException("payment.voucher.faceValue");
        }
    }

    public Money faceCash() {
        return faceValueEach.times(count);
    }
}
