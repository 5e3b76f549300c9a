package io.counterdesk.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.counterdesk.payment.PaymentReversalRepository;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.Tx;
import io.counterdesk.receipt.IssuedReceipt;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import io.counterdesk.till.CashMovement;
import io.counterdesk.till.DayCloseRepository;
import io.counterdesk.till.Deposit;
import io.counterdesk.till.CashCount;
import io.counterdesk.till.OverShort;
import io.counterdesk.till.SystemSlip;
import io.counterdesk.till.TillFigures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the day's reports from the database (营业厅现金日报表 per till session, and the hall's day).
 * Read only; every figure comes from the rows the business actions wrote, and {@link DayCheck}
 * sets them against the journal.
 */
public final class DayReportService {

    /** The order tenders and businesses are listed in. */
    static final List<String> TENDERS = List.of("CASH", "BANK_CARD", "BANK_SLIP", "CREDIT");
    static final List<String> BUSINESSES = List.of("GAS_BILL", "LATE_FEE", "FEE_ITEM", "IC_TOPUP", "VOUCHER_FACE_CASH",
            "CREDIT_ADDED");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final TerminalIdentity terminal;
    private final ReportRepository reports = new ReportRepository();
    private final DayCloseRepository closes = new DayCloseRepository();
    private final PaymentReversalRepository reversalLinks = new PaymentReversalRepository();

    public DayReportService(Database database, TerminalIdentity terminal) {
        this.database = database;
        this.terminal = terminal;
    }

    /** The report of one till session: its own cashier, or a hall manager. */
    public CashierDayReport cashierReport(Operator viewer, long tillId) {
        Operator asking = AuthService.require(viewer, Permission.LOOKUP);
        return database.read(tx -> {
            ReportRepository.Till till = reports.till(tx, tillId)
                    .orElseThrow(() -> new BusinessException("report.till.unknown", tillId));
            if (till.operatorId() != asking.id() && !asking.role().grants(Permission.APPROVE)) {
                throw new BusinessException("security.permission.denied");
            }
            return build(tx, till);
        });
    }

    /** Every cashier's report of {@code day} with the hall totals (hall managers). */
    public HallDayReport hallDay(Operator manager, LocalDate day) {
        AuthService.require(manager, Permission.APPROVE);
        io.counterdesk.shared.SaneDates.require(day);
        return database.read(tx -> hallDayIn(tx, day));
    }

    /** As {@link #hallDay} without the permission check, for the {@code check-day} command. */
    public HallDayReport hallDayForCheck(LocalDate day) {
        return database.read(tx -> hallDayIn(tx, day));
    }

    private HallDayReport hallDayIn(Tx tx, LocalDate day) {
        List<CashierDayReport> cashiers = new ArrayList<>();
        for (ReportRepository.Till till : reports.tillsOf(tx, day)) {
            cashiers.add(build(tx, till));
        }
        Optional<ReportRepository.SignOff> signed = reports.signOff(tx, day);
        Map<String, Money> tenders = new LinkedHashMap<>();
        Map<String, Integer> tenderCounts = new LinkedHashMap<>();
        Map<String, Money> businesses = new LinkedHashMap<>();
        Map<String, Integer> businessCounts = new LinkedHashMap<>();
        int topUpCount = 0;
        long topUpM3 = 0;
        Money topUpMoney = Money.ZERO;
        int voucherCount = 0;
        long voucherM3 = 0;
        Money voucherCash = Money.ZERO;
        Money deposits = Money.ZERO;
        Money overShort = Money.ZERO;
        for (CashierDayReport r : cashiers) {
            r.byTender().forEach(t -> {
                tenders.merge(t.tender(), t.amount(), Money::plus);
                tenderCounts.merge(t.tender(), t.count(), Integer::sum);
            });
            r.byBusiness().forEach(b -> {
                businesses.merge(b.business(), b.amount(), Money::plus);
                businessCounts.merge(b.business(), b.count(), Integer::sum);
            });
            topUpCount += r.topUps().count();
            topUpM3 += r.topUps().volumeM3();
            topUpMoney = topUpMoney.plus(r.topUps().money());
            voucherCount += r.vouchers().count();
            voucherM3 += r.vouchers().volumeM3();
            voucherCash = voucherCash.plus(r.vouchers().faceValueCash());
            deposits = deposits.plus(r.cash().deposits());
            for (OverShortLine line : r.overShort()) {
                overShort = overShort.plus(line.difference());
            }
        }
        List<TenderTotal> byTender = TENDERS.stream().map(t -> new TenderTotal(t, tenderCounts.getOrDefault(t, 0),
                tenders.getOrDefault(t, Money.ZERO))).toList();
        List<BusinessTotal> byBusiness = BUSINESSES.stream().map(b -> new BusinessTotal(b,
                businessCounts.getOrDefault(b, 0), businesses.getOrDefault(b, Money.ZERO))).toList();
        return new HallDayReport(terminal.hallName(), day, cashiers, byTender, byBusiness,
                new TopUpTotals(topUpCount, topUpM3, topUpMoney), new VoucherTotals(voucherCount, voucherM3, voucherCash),
                deposits, overShort, signed.map(ReportRepository.SignOff::signedBy).orElse(null),
                signed.map(ReportRepository.SignOff::signedAt).orElse(null));
    }

    private CashierDayReport build(Tx tx, ReportRepository.Till till) {
        Optional<ReportRepository.SignOff> signed = reports.signOff(tx, till.businessDay());
        ReportStatus status = signed.isPresent() ? ReportStatus.SIGNED
                : "CLOSED".equals(till.status()) ? ReportStatus.CLOSED : ReportStatus.OPEN;
        ReportHeader header = new ReportHeader(terminal.hallName(), terminal.terminalCode(), till.businessDay(),
                till.id(), till.staffNo(), till.name(), till.openedAt(), till.closedAt(), status,
                signed.map(ReportRepository.SignOff::signedBy).orElse(null),
                signed.map(ReportRepository.SignOff::signedAt).orElse(null));

        List<CashMovement> movements = closes.cashMovements(tx, till.id());
        List<Deposit> deposits = closes.deposits(tx, till.id());
        TillFigures figures = TillFigures.of(till.openingFloat(), movements, deposits.stream().map(Deposit::amount).toList());
        List<ReportRepository.Tender> tenders = reports.tenders(tx, till.id());
        List<ReportRepository.Line> lines = reports.lines(tx, till.id());

        // a reversal (冲正) is no new business: it takes its original's count back (−1); so does the refund
        // of a card top-up (a write refunded, or a purchase reversed on the card): cash −1, top-up −1
        List<PaymentReversalRepository.Link> reversalsIn = reversalLinks.reversalsIn(tx, till.id());
        Set<Long> reversals = new HashSet<>();
        reversalsIn.forEach(l -> reversals.add(l.reversalPaymentId()));
        reversals.addAll(reports.topUpRefundsIn(tx, till.id()));
        List<TenderTotal> byTender = new ArrayList<>();
        Money netCash = figures.cashIn().minus(figures.change()).minus(figures.refunds());
        // a reversal or refund that paid cash back has a cash movement (counted +1 there) and a CASH tender row
        long cashReversals = tenders.stream().filter(t -> t.kind().equals("CASH") && reversals.contains(t.paymentId()))
                .count();
        byTender.add(new TenderTotal("CASH", (int) (movements.stream()
                .filter(m -> !m.cashIn().isZero() || !m.cashOut().isZero()).count() - 2 * cashReversals), netCash));
        for (String kind : List.of("BANK_CARD", "BANK_SLIP", "CREDIT")) {
            List<ReportRepository.Tender> of = tenders.stream().filter(t -> t.kind().equals(kind)).toList();
            byTender.add(new TenderTotal(kind, of.stream().mapToInt(t -> countOf(reversals, t.paymentId())).sum(),
                    of.stream().map(ReportRepository.Tender::amount).reduce(Money.ZERO, Money::plus)));
        }

        Map<String, Money> business = new LinkedHashMap<>();
        Map<String, Integer> businessCount = new LinkedHashMap<>();
        Map<String, Money> fees = new LinkedHashMap<>();
        Map<String, Integer> feeCount = new LinkedHashMap<>();
        Map<Long, Long> gasByPayment = new LinkedHashMap<>();
        Money gasMoney = Money.ZERO;
        long gasM3 = 0;
        Money faceCash = Money.ZERO;
        for (ReportRepository.Line line : lines) {
            String b = businessOf(line.kind());
            if ("GAS_BY_VOUCHER".equals(line.kind())) {
                // gas onto a card paid by vouchers: a top-up's m³, no money (the vouchers' totals hold it)
                gasM3 += line.volumeM3();
                gasByPayment.merge(line.paymentId(), line.volumeM3(), Long::sum);
            }
            if (b == null) {
                continue;
            }
            int count = countOf(reversals, line.paymentId());
            business.merge(b, line.amount(), Money::plus);
            businessCount.merge(b, count, Integer::sum);
            switch (b) {
                case "FEE_ITEM" -> {
                    fees.merge(line.label(), line.amount(), Money::plus);
                    feeCount.merge(line.label(), count, Integer::sum);
                }
                case "IC_TOPUP" -> {
                    gasMoney = gasMoney.plus(line.amount());
                    gasM3 += line.volumeM3();
                    gasByPayment.merge(line.paymentId(), line.volumeM3(), Long::sum);
                }
                case "VOUCHER_FACE_CASH" -> faceCash = faceCash.plus(line.amount());
                default -> { }
            }
        }
        List<BusinessTotal> byBusiness = BUSINESSES.stream().map(b -> new BusinessTotal(b, businessCount.getOrDefault(b, 0),
                business.getOrDefault(b, Money.ZERO))).toList();
        List<FeeItemTotal> feeItems = fees.entrySet().stream()
                .map(e -> new FeeItemTotal(e.getKey(), feeCount.get(e.getKey()), e.getValue())).toList();
        int topUpCount = (int) gasByPayment.values().stream().mapToLong(v -> Long.signum(v)).sum();

        List<ReportRepository.Receipt> receipts = reports.receipts(tx, till.id());
        List<ReceiptRange> used = ranges(receipts);
        List<VoidedReceipt> voided = receipts.stream().filter(r -> "VOIDED".equals(r.status()))
                .map(r -> new VoidedReceipt(r.kind(), IssuedReceipt.formatNumber(r.number()), r.amount(), r.voidReason(),
                        r.approvedBy()))
                .toList();
        List<ReprintLine> reprints = reports.reprintEvents(tx, till.id()).stream().map(DayReportService::reprint).toList();
        List<DepositLine> depositLines = deposits.stream()
                .map(d -> new DepositLine(d.slipNo(), d.amount(), d.at(), d.late())).toList();

        Optional<DayCloseRepository.StoredCount> count = closes.lastCount(tx, till.id());
        Optional<DayCloseRepository.CloseRow> close = closes.closeOf(tx, till.id());
        CashLines cash;
        List<OverShortLine> overShort = List.of();
        if (count.isPresent()) {
            DayCloseRepository.StoredCount c = count.get();
            List<SystemSlip> slips = closes.slips(tx, till.id());
            Set<Long> ticked = new HashSet<>();
            slips.stream().map(SystemSlip::postingId).filter(id -> !c.missing().contains(id)).forEach(ticked::add);
            OverShort os = OverShort.of(c.figures(), c.count(), slips, ticked);
            cash = cashLines(figures, c.count().total(), os.cash().difference(), denominations(c.count()));
            overShort = os.lines().stream().map(l -> new OverShortLine(l.tender(), l.expected(), l.actual(),
                    l.difference(), l.missing().stream().map(SystemSlip::reference).toList())).toList();
        } else {
            cash = cashLines(figures, null, null, List.of());
        }
        int voucherCount = tenders.stream().filter(t -> t.kind().equals("VOUCHER"))
                .mapToInt(ReportRepository.Tender::voucherCount).sum();
        VoucherTotals vouchers = new VoucherTotals(voucherCount, reports.voucherM3(tx, till.id()), faceCash);
        return new CashierDayReport(header, byTender, byBusiness, feeItems, used, voided, reprints, depositLines, cash,
                overShort, close.map(DayCloseRepository.CloseRow::explanation).orElse(""),
                new TopUpTotals(topUpCount, gasM3, gasMoney), vouchers,
                notes(reversalsIn), notes(reversalLinks.correctionsOf(tx, till.id())));
    }

    /** What a payment adds to a count: one, or minus one for a reversal, which takes its original's back. */
    private static int countOf(Set<Long> reversals, long paymentId) {
        return reversals.contains(paymentId) ? -1 : 1;
    }

    private static List<ReversalNote> notes(List<PaymentReversalRepository.Link> links) {
        return links.stream().map(l -> new ReversalNote(l.originalReceipt(), l.originalDay(), l.reversalReceipt(),
                l.reversalDay(), l.reason(), l.approver(), l.amount())).toList();
    }

    private static CashLines cashLines(TillFigures f, Money counted, Money overShort, List<DenominationLine> pieces) {
        return new CashLines(f.openingFloat(), f.cashIn(), f.change(), f.refunds(), f.deposits(), f.expectedCash(),
                counted, overShort, pieces);
    }

    /** A count as denomination lines, largest first. */
    static List<DenominationLine> denominations(CashCount count) {
        return count.pieces().entrySet().stream()
                .map(e -> new DenominationLine(e.getKey().faceValue(), e.getValue(), e.getKey().times(e.getValue())))
                .toList();
    }

    /** The business a payment line counts for; null for lines not settled with money. */
    static String businessOf(String lineKind) {
        return switch (lineKind) {
            case "PRINCIPAL" -> "GAS_BILL";
            case "LATE_FEE" -> "LATE_FEE";
            case "FEE_ITEM" -> "FEE_ITEM";
            case "GAS_PURCHASE" -> "IC_TOPUP";
            case "VOUCHER_FACE_CASH" -> "VOUCHER_FACE_CASH";
            case "CREDIT_ADDED" -> "CREDIT_ADDED";
            default -> null;
        };
    }

    /** Consecutive numbers of one kind, voided ones included, as runs. */
    static List<ReceiptRange> ranges(List<ReportRepository.Receipt> receipts) {
        List<ReceiptRange> out = new ArrayList<>();
        int i = 0;
        while (i < receipts.size()) {
            int j = i;
            while (j + 1 < receipts.size() && receipts.get(j + 1).kind().equals(receipts.get(i).kind())
                    && receipts.get(j + 1).number() == receipts.get(j).number() + 1) {
                j++;
            }
            out.add(new ReceiptRange(receipts.get(i).kind(), IssuedReceipt.formatNumber(receipts.get(i).number()),
                    IssuedReceipt.formatNumber(receipts.get(j).number()), j - i + 1));
            i = j + 1;
        }
        return out;
    }

    private static ReprintLine reprint(String[] event) {
        String[] subject = event[0].split(":");
        int copy;
        try {
            JsonNode payload = JSON.readTree(event[1]);
            copy = payload.path("copy").asInt();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable journal payload " + event[1], e);
        }
        return new ReprintLine(subject[1], subject[2], copy, Instant.parse(event[2]));
    }
}
