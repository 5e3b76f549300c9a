package io.counterdesk.account.ui;

import io.counterdesk.account.Account;
import io.counterdesk.account.AccountDetail;
import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.Holder;
import io.counterdesk.account.HolderPeriod;
import io.counterdesk.account.MeterKind;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Masking;
import io.counterdesk.shared.Money;
import io.counterdesk.ui.UiFormat;
import java.util.List;
import java.util.Locale;

/**
 * An account as the detail screen shows it, every field already turned into display text. The
 * ID number and phone are masked (DESIGN 2.1); former holders' names are masked too, since they
 * are not the person at the counter.
 */
public record AccountFacts(
        String accountNo,
        AccountStatus status,
        String statusText,
        String kind,
        String holderName,
        String idType,
        String idNumber,
        String phone,
        String address,
        String meterKind,
        String meterNo,
        String cardSerial,
        String openedOn,
        String arrears,
        boolean owing,
        int unpaidBills,
        String credit,
        String deposit,
        List<BillRow> bills,
        List<HolderRow> holders) {

    /**
     * One bill line. {@code lateFee} is the late fee due today on what is unpaid (empty for a paid
     * bill), {@code totalDue} principal plus late fee.
     */
    public record BillRow(String period, String volume, String amount, String outstanding, String lateFee,
                          String totalDue, String dueDate, String state, boolean owing) {
    }

    /** One holder period, newest first. */
    public record HolderRow(String name, String idNumber, String phone, String from, String to, String reason,
                            boolean current) {
    }

    static AccountFacts of(AccountDetail detail) {
        Account a = detail.account();
        Holder h = a.holder();
        String kind = I18n.text("account.kind." + a.kind().name())
                + (a.useType() == null ? "" : " · " + I18n.text("account.use." + a.useType().name()));
        List<BillRow> bills = detail.bills().stream().map(AccountFacts::billRow).toList();
        int unpaid = (int) detail.bills().stream().filter(b -> b.outstanding().isPositive()).count();
        List<HolderRow> holders = detail.holders().stream().map(AccountFacts::holderRow).toList();
        return new AccountFacts(a.accountNo(), a.status(), I18n.text("account.status." + a.status().name()), kind,
                h.name(), I18n.text("account.idType." + h.idType().name()), Masking.idNumber(h.idNumber()),
                Masking.phone(h.phone()), a.address().text(), I18n.text("account.meter." + a.meterKind().name()),
                a.meterNo(), a.meterKind() == MeterKind.IC ? UiFormat.orNone(a.cardSerial()) : I18n.text("ui.none"),
                UiFormat.date(a.openedOn()), detail.arrears().format(), detail.arrears().isPositive(), unpaid,
                a.credit().format(), a.deposit().format(), bills, holders);
    }

    private static BillRow billRow(AccountDetail.BillLine line) {
        boolean owing = line.outstanding().isPositive();
        String state;
        if (!owing) {
            state = I18n.text("ui.bill.paid");
        } else if (line.outstanding().equals(line.amount())) {
            state = I18n.text("ui.bill.unpaid");
        } else {
            state = I18n.text("ui.bill.partlyPaid");
        }
        Money lateFee = line.lateFee() == null ? Money.ZERO : line.lateFee();
        return new BillRow(line.period(), I18n.text("ui.bill.volume", line.volumeM3()), line.amount().format(),
                line.outstanding().format(), owing ? lateFee.format() : "",
                owing ? line.outstanding().plus(lateFee).format() : "", UiFormat.date(line.dueDate()), state, owing);
    }

    private static HolderRow holderRow(HolderPeriod period) {
        Holder h = period.holder();
        String reasonKey = "account.holderReason." + (period.reason() == null ? "" : period.reason());
        String reason = I18n.has(I18n.locale(), reasonKey) ? I18n.text(reasonKey) : UiFormat.orNone(period.reason());
        return new HolderRow(period.isCurrent() ? h.name() : Masking.name(h.name()), Masking.idNumber(h.idNumber()),
                Masking.phone(h.phone()), UiFormat.date(period.validFrom()),
                period.isCurrent() ? I18n.text("ui.holder.current") : UiFormat.date(period.validTo()), reason,
                period.isCurrent());
    }

    /** Style class of the status badge: {@code badge-active}, {@code badge-suspended}, {@code badge-closed}. */
    public static String badgeClass(AccountStatus status) {
        return "badge-" + status.name().toLowerCase(Locale.ROOT);
    }
}
