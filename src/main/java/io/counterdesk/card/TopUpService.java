package io.counterdesk.card;

import io.counterdesk.account.Account;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.AccountStatus;
import io.counterdesk.account.MeterKind;
import io.counterdesk.billing.Tariff;
import io.counterdesk.billing.TariffRepository;
import io.counterdesk.payment.FeeItem;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.payment.VoucherBatch;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.Tx;
import io.counterdesk.persistence.TxWork;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IC-card gas purchase (购气, DESIGN 2.5) and everything that keeps card and money together.
 *
 * <p>Two systems, one rule: money is never taken without its gas reaching the card, and gas never
 * reaches a card without its money. A purchase commits its payment, receipt number and a
 * {@code PENDING} write in one transaction; then the card is written and read back; then the write
 * is {@code COMPLETED}. Whatever happens in between (crash, card pulled, reader error), the pending
 * write is found again ({@link #openWrites}) and resolved by reading the card ({@link #resolve}):
 * the card's purchase count says whether the write is on it. A count names exactly one write, so
 * nothing is ever written twice. Reversal (冲正) runs the same way in the other direction.
 */
public final class TopUpService {

    private final Database database;
    private final Journal journal;
    private final ApprovalRecorder approvals;
    private final PaymentService payments;
    private final GasPricing pricing;
    private final CardRepository cards = new CardRepository();
    private final AccountRepository accounts = new AccountRepository();
    private final TariffRepository tariffs = new TariffRepository();

    public TopUpService(Database database, Journal journal, ApprovalRecorder approvals, PaymentService payments,
                        GasPricing pricing) {
        this.database = database;
        this.journal = journal;
        this.approvals = approvals;
        this.payments = payments;
        this.pricing = pricing;
    }

    /** Why a card cannot buy gas now, with the instruction for the cashier. */
    public enum Refusal {
        BLACKLISTED,
        UNKNOWN_CARD,
        NOT_IC_ACCOUNT,
        ACCOUNT_NOT_ACTIVE,
        CARD_NOT_CURRENT,
        OPEN_WRITE,
        COUNT_MISMATCH,
        NOT_LOADED,
        CLEARED_CARD,
        /** The new card of a reissue cut before its commit: finish it on the card service screen (Ctrl+B). */
        REISSUE_UNFINISHED,
        /**
         * The first card of an account that never got one, its write cut (at opening or a retry):
         * write it on the card service screen (Ctrl+B, 补写首张卡), not a reissue.
         */
        FIRST_CARD_UNFINISHED
    }

    /**
     * A card read at the counter and checked against the system.
     *
     * @param refusal    empty when the card may buy gas now
     * @param openWrite  a write of this account still waiting for the card (resolve it first)
     * @param yearVolumeM3 gas bought this calendar year so far (the position in the tiers)
     */
    public record CardCheck(CardReading reading, Account account, Optional<Refusal> refusal, String refusalText,
                            Optional<GasPurchase> openWrite, int systemCount, Tariff tariff, long yearVolumeM3) {

        public CardImage image() {
            return reading.issued();
        }

        public boolean canBuy() {
            return refusal.isEmpty();
        }
    }

    /**
     * How a purchase ended at the counter.
     *
     * @param refund the money paid straight back when the card proved the write never reached it
     *               ({@link CardException.Reason#NOT_WRITTEN}); empty otherwise
     */
    public record TopUpResult(GasPurchase purchase, PaymentResult payment, boolean written, CardException cardError,
                              Optional<PaymentResult> refund) {

        public TopUpResult(GasPurchase purchase, PaymentResult payment, boolean written, CardException cardError) {
            this(purchase, payment, written, cardError, Optional.empty());
        }
    }

    /** What the card says about an open write. */
    public enum Resolution {
        /** The write is on the card: completed now. */
        WRITTEN,
        /** The card does not have it: write again, or refund with approval. */
        NOT_WRITTEN,
        /** A reversal reached the card: completed now, money paid back. */
        REVERSED,
        /** A reversal did not reach the card: the purchase stands again. */
        REVERSAL_NOT_WRITTEN
    }

    /** Reads the card in the reader and checks it against the account, the blacklist and the open writes. */
    public CardCheck inspect(Operator cashier, CardAccess card) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        CardReading reading = card.read();
        CardImage image = reading.issued();
        TxWork<CardCheck> work = tx -> {
            Account account = accounts.findByAccountNo(tx, image.accountNo())
                    .orElseThrow(() -> new BusinessException("topup.refused.unknownAccount", image.accountNo()));
            if (image.meter().written()) {
                cards.recordMeterRead(tx, account.id(), image);
            }
            return check(tx, reading, account);
        };
        // only what the meter wrote back is stored; a card without it is checked without a commit
        return image.meter().written() ? database.inTransaction(work) : database.read(work);
    }

    private CardCheck check(Tx tx, CardReading reading, Account account) {
        CardImage image = reading.issued();
        LocalDate day = today(tx);
        int systemCount = cards.systemCount(tx, account.id());
        Optional<GasPurchase> open = cards.openFor(tx, account.id());
        Tariff tariff = Tariff.inForce(tariffs.all(tx), account.kind(), account.useType(), day);
        long year = cards.yearVolumeM3(tx, account.id(), day);
        Refusal refusal = null;
        Object[] args = {};
        Optional<String> blacklisted = cards.blacklisted(tx, image.serial());
        if (blacklisted.isPresent()) {
            refusal = Refusal.BLACKLISTED;
            args = new Object[] {image.serial(), I18n.text("topup.endReason." + blacklisted.get())};
        } else if (cards.card(tx, image.serial()).isEmpty()) {
            refusal = Refusal.UNKNOWN_CARD;
            args = new Object[] {image.serial()};
        } else if (account.meterKind() != MeterKind.IC) {
            refusal = Refusal.NOT_IC_ACCOUNT;
            args = new Object[] {account.accountNo()};
        } else if (account.status() != AccountStatus.ACTIVE) {
            refusal = Refusal.ACCOUNT_NOT_ACTIVE;
            args = new Object[] {account.accountNo(), I18n.text("account.status." + account.status())};
        } else if (!image.serial().equals(account.cardSerial())) {
            refusal = reissuing(tx, account, image.serial()) ? Refusal.REISSUE_UNFINISHED
                    : firstIssuing(tx, account, image.serial()) ? Refusal.FIRST_CARD_UNFINISHED : Refusal.CARD_NOT_CURRENT;
            args = new Object[] {image.serial()};
        } else if (open.isPresent()) {
            refusal = Refusal.OPEN_WRITE;
            args = new Object[] {open.get().purchaseNo(), open.get().volumeM3()};
        } else if (image.state() == CardState.CLEARED) {
            refusal = Refusal.CLEARED_CARD;
        } else if (image.purchaseCount() != systemCount) {
            refusal = Refusal.COUNT_MISMATCH;
            args = new Object[] {image.purchaseCount(), systemCount};
        } else if (!image.loaded()) {
            refusal = Refusal.NOT_LOADED;
            args = new Object[] {image.lastPurchaseM3()};
        }
        String text = refusal == null ? "" : I18n.text("topup.refused." + refusal.name(), args);
        return new CardCheck(reading, account, Optional.ofNullable(refusal), text, open, systemCount, tariff, year);
    }

    /** Whether {@code serial} is the new card of a reissue of the account not yet activated. */
    private boolean reissuing(Tx tx, Account account, String serial) {
        return cards.card(tx, serial).filter(c -> c.accountId() == account.id() && c.status().equals("ISSUING"))
                .isPresent() && cards.reissuesStarted(tx, account.accountNo()).stream()
                .anyMatch(started -> serial.equals(started.get("newSerial")));
    }

    /** Whether {@code serial} is the first card of an account that has never had one, not yet activated. */
    private boolean firstIssuing(Tx tx, Account account, String serial) {
        return account.cardSerial() == null && cards.card(tx, serial)
                .filter(c -> c.accountId() == account.id() && c.status().equals("ISSUING")).isPresent();
    }

    /** The price of {@code volumeM3} for the checked card's account. */
    public GasPricing.GasQuote quoteVolume(CardCheck check, long volumeM3) {
        return pricing.forVolume(check.tariff(), check.yearVolumeM3(), volumeM3);
    }

    /** The most gas {@code money} buys for the checked card's account. */
    public GasPricing.GasQuote quoteMoney(CardCheck check, Money money) {
        return pricing.forMoney(check.tariff(), check.yearVolumeM3(), money);
    }

    /**
     * What paying for {@code volumeM3} with {@code tenders} comes to — the tier lines, money received,
     * change — as the payment service will take it; writes nothing (the screen's live figures and
     * its confirmation).
     */
    public PaymentPlan quotePayment(Operator cashier, CardCheck check, long volumeM3, PaymentInput tenders) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return payments.quote(cashier, check.account().id(), withGas(tenders, quoteVolume(check, volumeM3)));
    }

    /**
     * What vouchers do to buying {@code volumeM3}, before any money is typed: the plan as if the
     * money paid the rest exactly (the voucher rules apply, refusals included). The screen shows
     * from it the gas the vouchers settle and the money still due, face value included.
     */
    public PaymentPlan quoteVouchers(Operator cashier, CardCheck check, long volumeM3, List<VoucherBatch> vouchers) {
        Money enough = quoteVolume(check, volumeM3).amount();
        for (VoucherBatch batch : vouchers) {
            enough = enough.plus(batch.faceCash());
        }
        return quotePayment(cashier, check, volumeM3, new PaymentInput(PaymentInput.Bills.NONE, List.of(), enough,
                List.of(), vouchers, Money.ZERO, false, List.of()));
    }

    /**
     * The purchase a reversal (冲正) would take back: the checked card's last write when it is a
     * completed purchase the meter has not loaded, paid without vouchers ({@link #reverse} refuses
     * those, so they are not offered); empty otherwise.
     */
    public Optional<GasPurchase> reversible(Operator cashier, CardCheck check) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        CardImage image = check.image();
        if (image.loaded() || image.purchaseCount() == 0) {
            return Optional.empty();
        }
        return database.read(tx -> cards.purchases(tx, check.account().id()).stream()
                .filter(p -> p.purchaseNo() == image.purchaseCount() && p.cardSerial().equals(image.serial())
                        && p.kind() == GasPurchase.Kind.PURCHASE && p.status() == GasPurchase.Status.COMPLETED
                        && p.volumeM3() == image.lastPurchaseM3())
                .filter(p -> !paidWithVouchers(tx, p))
                .findFirst());
    }

    /**
     * Whether {@code purchase} was paid, even partly, with gas vouchers: then its money is never paid
     * back — neither refunded ({@link #refund}) nor reversed ({@link #reverse}) — and a write of it
     * that never reached the card is written again ({@link #rewrite}).
     */
    public boolean paidWithVouchers(Operator cashier, GasPurchase purchase) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.read(tx -> paidWithVouchers(tx, purchase));
    }

    private boolean paidWithVouchers(Tx tx, GasPurchase purchase) {
        return purchase.paymentId() != null && cards.voucherM3(tx, purchase.paymentId()) > 0;
    }

    /**
     * Sells {@code volumeM3} onto the card: payment and pending write commit together, then the card
     * is written and read back, then the write completes. {@code tenders} says how it is paid (its
     * bills and fee items are ignored: a purchase pays for gas only). When the card cannot be written
     * the money stays taken and the write stays open: the result says so and {@link #resolve} finishes it.
     */
    public TopUpResult purchase(Operator cashier, CardAccess card, CardCheck check, long volumeM3, PaymentInput tenders) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        if (!check.canBuy()) {
            throw new BusinessException("topup.refused.generic", check.refusalText());
        }
        CardImage before = check.image();
        record Pending(GasPurchase purchase, PaymentResult payment) {
        }
        Pending pending = database.inTransaction(tx -> {
            // the account is locked by the payment; check again under the lock
            PaymentInput input = new PaymentInput(PaymentInput.Bills.NONE, List.of(), tenders.cashReceived(),
                    tenders.bankTenders(), tenders.vouchers(), tenders.creditToUse(), tenders.changeToCredit(),
                    List.of());
            Account account = accounts.findById(tx, check.account().id()).orElseThrow();
            LocalDate day = today(tx);
            GasPricing.GasQuote quote = pricing.forVolume(check.tariff(), cards.yearVolumeM3(tx, account.id(), day),
                    volumeM3);
            PaymentResult payment = payments.collectIn(tx, cashier, account.id(), withGas(input, quote));
            CardCheck now = check(tx, check.reading(), account);
            if (!now.canBuy()) {
                throw new BusinessException("topup.refused.generic", now.refusalText());
            }
            int purchaseNo = now.systemCount() + 1;
            long id = cards.insertPurchase(tx, account.id(), before.serial(), purchaseNo, GasPurchase.Kind.PURCHASE,
                    volumeM3, quote.amount().fen(), day, payment.paymentId(), null, null, cashier.id());
            journal.append(tx, cashier.staffNo(), "GAS_PURCHASE_PENDING", "account:" + account.accountNo(),
                    purchasePayload(id, before.serial(), purchaseNo, volumeM3, quote, payment.paymentId()));
            return new Pending(cards.purchase(tx, id).orElseThrow(), payment);
        });
        try {
            card.write(before, before.withPurchase(volumeM3));
        } catch (CardException e) {
            if (e.reason() == CardException.Reason.NOT_WRITTEN && !database.read(tx -> paidWithVouchers(tx,
                    pending.purchase()))) {
                PaymentResult refund = payBackNotWritten(cashier, pending.purchase(), e);
                GasPurchase refunded = database.read(tx -> cards.purchase(tx, pending.purchase().id())).orElseThrow();
                return new TopUpResult(refunded, pending.payment(), false, e, Optional.of(refund));
            }
            return new TopUpResult(pending.purchase(), pending.payment(), false, e);
        }
        GasPurchase done = complete(cashier, pending.purchase(), GasPurchase.Status.PENDING, GasPurchase.Status.COMPLETED,
                "GAS_PURCHASE_COMPLETED");
        return new TopUpResult(done, pending.payment(), true, null);
    }

    /** Every write still waiting for its card (shown at start-up and when a card is inserted). */
    public List<GasPurchase> openWrites(Operator operator) {
        AuthService.require(operator, Permission.LOOKUP);
        return database.read(cards::open);
    }

    /**
     * Reads the card and settles an open write by what is on it. A pending write that the card has
     * becomes completed; one it lacks stays pending for {@link #rewrite} or {@link #refund}. A
     * reversal the card has is completed with its refund; one it lacks is dropped.
     */
    public Resolution resolve(Operator cashier, CardAccess card, long writeId) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        GasPurchase write = database.read(tx -> cards.purchase(tx, writeId)).orElseThrow();
        CardImage image = cardFor(card, write);
        if (write.status() == GasPurchase.Status.PENDING) {
            if (image.purchaseCount() == write.purchaseNo()) {
                complete(cashier, write, GasPurchase.Status.PENDING, GasPurchase.Status.COMPLETED,
                        "GAS_PURCHASE_COMPLETED");
                return Resolution.WRITTEN;
            }
            if (image.purchaseCount() == write.purchaseNo() - 1) {
                return Resolution.NOT_WRITTEN;
            }
            throw new CardException(CardException.Reason.CARD_CHANGED, "topup.resolve.inconsistent",
                    image.purchaseCount(), write.purchaseNo());
        }
        if (write.status() == GasPurchase.Status.REVERSING) {
            if (image.purchaseCount() == write.purchaseNo() && image.lastPurchaseM3() == 0) {
                finishReversal(cashier, write);
                return Resolution.REVERSED;
            }
            database.inTransaction(tx -> {
                cards.transition(tx, write.id(), GasPurchase.Status.REVERSING, GasPurchase.Status.COMPLETED, cashier.id());
                journal.append(tx, cashier.staffNo(), "GAS_REVERSAL_DROPPED", "purchase:" + write.id(),
                        Map.of("purchaseId", write.id(), "purchaseNo", write.purchaseNo()));
                return null;
            });
            return Resolution.REVERSAL_NOT_WRITTEN;
        }
        throw new BusinessException("topup.resolve.notOpen", write.purchaseNo());
    }

    /** Completes a pending write that was just written and read back by the caller. */
    GasPurchase confirmWritten(Operator cashier, GasPurchase write) {
        return complete(cashier, write, GasPurchase.Status.PENDING, GasPurchase.Status.COMPLETED,
                "GAS_" + write.kind().name() + "_COMPLETED");
    }

    /** Writes a pending write the card does not have yet (after {@link #resolve} said NOT_WRITTEN). */
    public GasPurchase rewrite(Operator cashier, CardAccess card, long writeId) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        GasPurchase write = database.read(tx -> cards.purchase(tx, writeId)).orElseThrow();
        if (write.status() != GasPurchase.Status.PENDING) {
            throw new BusinessException("topup.resolve.notOpen", write.purchaseNo());
        }
        CardImage image = cardFor(card, write);
        if (image.purchaseCount() != write.purchaseNo() - 1) {
            throw new CardException(CardException.Reason.CARD_CHANGED, "topup.resolve.inconsistent",
                    image.purchaseCount(), write.purchaseNo());
        }
        if (!image.loaded()) {
            // writing over an unloaded purchase would lose its gas, whatever this write is
            throw new BusinessException("topup.refused.NOT_LOADED", image.lastPurchaseM3());
        }
        CardImage target = image;
        if (write.kind() == GasPurchase.Kind.TRANSFER) {
            String meterNo = database.read(tx -> accounts.findById(tx, write.accountId()).orElseThrow().meterNo());
            if (!meterNo.equals(image.meterNo())) {
                target = image.forNewMeter(meterNo);
            }
        }
        card.write(image, target.withWrite(write.volumeM3()));
        return complete(cashier, write, GasPurchase.Status.PENDING, GasPurchase.Status.COMPLETED,
                "GAS_PURCHASE_COMPLETED");
    }

    /**
     * Pays back a purchase that never reached the card (the card proves it), with a hall manager's
     * approval and a reason. The money goes back in cash with its own receipt.
     */
    public PaymentResult refund(Operator cashier, CardAccess card, long writeId, String reason, ApprovalGrant grant) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        GasPurchase write = database.read(tx -> cards.purchase(tx, writeId)).orElseThrow();
        if (write.status() != GasPurchase.Status.PENDING || write.kind() != GasPurchase.Kind.PURCHASE) {
            throw new BusinessException("topup.resolve.notOpen", write.purchaseNo());
        }
        refuseIfVouchers(write);
        CardImage image = cardFor(card, write);
        if (image.purchaseCount() != write.purchaseNo() - 1) {
            throw new BusinessException("topup.refund.onCard", write.purchaseNo());
        }
        return payBack(cashier, write, reason, grant, GasPurchase.Status.PENDING, GasPurchase.Status.REFUNDED,
                "GAS_PURCHASE_REFUNDED");
    }

    /**
     * Reverses (冲正) a completed purchase whose gas is still on the card, not loaded: with approval,
     * the gas is taken off the card and read back, then the money is paid back with its own receipt.
     */
    public PaymentResult reverse(Operator cashier, CardAccess card, long purchaseId, String reason, ApprovalGrant grant) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        GasPurchase purchase = database.read(tx -> cards.purchase(tx, purchaseId)).orElseThrow();
        if (purchase.status() != GasPurchase.Status.COMPLETED || purchase.kind() != GasPurchase.Kind.PURCHASE) {
            throw new BusinessException("topup.reverse.notCompleted", purchase.purchaseNo());
        }
        refuseIfVouchers(purchase);
        CardImage image = cardFor(card, purchase);
        if (image.purchaseCount() != purchase.purchaseNo() || image.loaded()
                || image.lastPurchaseM3() != purchase.volumeM3()) {
            throw new BusinessException("topup.reverse.loaded", purchase.purchaseNo());
        }
        database.inTransaction(tx -> {
            long approval = approvals.record(tx, grant, cashier, "REVERSE_GAS_PURCHASE", "purchase:" + purchase.id(),
                    reason);
            if (!cards.transition(tx, purchase.id(), GasPurchase.Status.COMPLETED, GasPurchase.Status.REVERSING,
                    cashier.id())) {
                throw new BusinessException("topup.reverse.notCompleted", purchase.purchaseNo());
            }
            cards.recordRefundApproval(tx, purchase.id(), approval);
            journal.append(tx, cashier.staffNo(), "GAS_REVERSAL_PENDING", "purchase:" + purchase.id(),
                    Map.of("purchaseId", purchase.id(), "approvalId", approval, "volumeM3", purchase.volumeM3()));
            return null;
        });
        card.write(image, image.withoutLastPurchase());
        return finishReversal(cashier, purchase);
    }

    private PaymentResult finishReversal(Operator cashier, GasPurchase purchase) {
        return database.inTransaction(tx -> {
            PaymentResult refund = payments.collectIn(tx, cashier, purchase.accountId(), refundInput(tx, purchase));
            if (!cards.transition(tx, purchase.id(), GasPurchase.Status.REVERSING, GasPurchase.Status.REVERSED,
                    cashier.id())) {
                throw new BusinessException("topup.resolve.notOpen", purchase.purchaseNo());
            }
            cards.recordRefundPayment(tx, purchase.id(), refund.paymentId());
            journal.append(tx, cashier.staffNo(), "GAS_PURCHASE_REVERSED", "purchase:" + purchase.id(),
                    Map.of("purchaseId", purchase.id(), "refundPaymentId", refund.paymentId(),
                            "volumeM3", purchase.volumeM3(), "amountFen", purchase.amountFen()));
            return refund;
        });
    }

    private PaymentResult payBack(Operator cashier, GasPurchase write, String reason, ApprovalGrant grant,
                                  GasPurchase.Status from, GasPurchase.Status to, String event) {
        return database.inTransaction(tx -> {
            long approval = approvals.record(tx, grant, cashier, "REFUND_GAS_PURCHASE", "purchase:" + write.id(), reason);
            if (!cards.transition(tx, write.id(), from, to, cashier.id())) {
                throw new BusinessException("topup.resolve.notOpen", write.purchaseNo());
            }
            PaymentResult refund = payments.collectIn(tx, cashier, write.accountId(), refundInput(tx, write));
            cards.recordRefundApproval(tx, write.id(), approval);
            cards.recordRefundPayment(tx, write.id(), refund.paymentId());
            journal.append(tx, cashier.staffNo(), event, "purchase:" + write.id(), Map.of("purchaseId", write.id(),
                    "refundPaymentId", refund.paymentId(), "approvalId", approval, "amountFen", write.amountFen()));
            return refund;
        });
    }

    /**
     * Pays back, without a manager, a purchase the card refused: the reader refused the write and
     * the card read back holds exactly its old image ({@link CardException.Reason#NOT_WRITTEN}), so
     * the gas is provably not on it. Same refund as {@link #refund}, no approval; the event says why.
     */
    private PaymentResult payBackNotWritten(Operator cashier, GasPurchase write, CardException why) {
        return database.inTransaction(tx -> {
            if (!cards.transition(tx, write.id(), GasPurchase.Status.PENDING, GasPurchase.Status.REFUNDED,
                    cashier.id())) {
                throw new BusinessException("topup.resolve.notOpen", write.purchaseNo());
            }
            PaymentResult refund = payments.collectIn(tx, cashier, write.accountId(), refundInput(tx, write));
            cards.recordRefundPayment(tx, write.id(), refund.paymentId());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("purchaseId", write.id());
            payload.put("refundPaymentId", refund.paymentId());
            payload.put("amountFen", write.amountFen());
            payload.put("cause", CardException.Reason.NOT_WRITTEN.name());
            payload.put("cardMessage", why.key());
            journal.append(tx, cashier.staffNo(), "GAS_PURCHASE_REFUNDED", "purchase:" + write.id(), payload);
            return refund;
        });
    }

    /** The purchase's own tier lines, negated: the refund pays out exactly what was taken. */
    private PaymentInput refundInput(Tx tx, GasPurchase write) {
        List<FeeItem.Line> lines = new ArrayList<>();
        for (CardRepository.GasLine line : cards.gasLines(tx, write.paymentId())) {
            lines.add(new FeeItem.Line(FeeItem.gasTier(lines.size() + 1, I18n.text(I18n.CHINESE, "topup.refundLine", line.label()),
                    Money.ofFen(-line.amountFen() / line.volumeM3())), (int) line.volumeM3()));
        }
        return new PaymentInput(PaymentInput.Bills.NONE, lines, Money.ZERO, List.of(), List.of(), Money.ZERO, false,
                List.of());
    }

    private GasPurchase complete(Operator cashier, GasPurchase write, GasPurchase.Status from, GasPurchase.Status to,
                                 String event) {
        return database.inTransaction(tx -> {
            if (!cards.transition(tx, write.id(), from, to, cashier.id())) {
                throw new BusinessException("topup.resolve.notOpen", write.purchaseNo());
            }
            journal.append(tx, cashier.staffNo(), event, "purchase:" + write.id(), Map.of("purchaseId", write.id(),
                    "cardSerial", write.cardSerial(), "purchaseNo", write.purchaseNo(), "volumeM3", write.volumeM3()));
            return cards.purchase(tx, write.id()).orElseThrow();
        });
    }

    /**
     * A purchase paid (even partly) with gas vouchers is neither reversed nor refunded: the vouchers
     * were handed in and cancelled, and paying their value out in cash would turn vouchers into money.
     * A write that never reached the card is written again instead ({@link #rewrite}).
     */
    private void refuseIfVouchers(GasPurchase write) {
        if (database.read(tx -> paidWithVouchers(tx, write))) {
            throw new BusinessException("topup.vouchers.noPayBack", write.purchaseNo());
        }
    }

    /** Reads the card and makes sure it is the one the write belongs to. */
    private static CardImage cardFor(CardAccess card, GasPurchase write) {
        CardImage image = card.read().issued();
        if (!image.serial().equals(write.cardSerial())) {
            throw new CardException(CardException.Reason.CARD_CHANGED, "topup.resolve.wrongCard", write.cardSerial(),
                    image.serial());
        }
        return image;
    }

    /**
     * The payment input with the gas added tier by tier (price per m³ of each tier as a line); its
     * vouchers settle that gas first tier first ({@code PaymentCalculator}), money pays the rest.
     */
    static PaymentInput withGas(PaymentInput input, GasPricing.GasQuote quote) {
        List<FeeItem.Line> lines = new ArrayList<>();
        for (Tariff.TierCharge tier : quote.tiers()) {
            lines.add(new FeeItem.Line(FeeItem.gasTier(tier.tierNo(), I18n.text(I18n.CHINESE, "topup.tierLine",
                    tier.tierNo(), tier.pricePerM3().format()), tier.pricePerM3()), (int) tier.volumeM3()));
        }
        return new PaymentInput(PaymentInput.Bills.NONE, lines, input.cashReceived(), input.bankTenders(),
                input.vouchers(), input.creditToUse(), input.changeToCredit(), List.of());
    }

    private static Map<String, Object> purchasePayload(long id, String serial, int purchaseNo, long volumeM3,
                                                       GasPricing.GasQuote quote, long paymentId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("purchaseId", id);
        p.put("cardSerial", serial);
        p.put("purchaseNo", purchaseNo);
        p.put("volumeM3", volumeM3);
        p.put("amountFen", quote.amount().fen());
        p.put("yearVolumeBeforeM3", quote.yearVolumeBeforeM3());
        p.put("tiers", quote.tiers().stream().map(t -> Map.of("tier", t.tierNo(), "m3", t.volumeM3(),
                "priceFen", t.pricePerM3().fen())).toList());
        p.put("paymentId", paymentId);
        return p;
    }

    private static LocalDate today(Tx tx) {
        return LocalDate.ofInstant(tx.now(), tx.clock().getZone());
    }
}
