package io.counterdesk.account.opening;

import io.counterdesk.account.Account;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.NewAccount;
import io.counterdesk.account.UseType;
import io.counterdesk.card.CardAccess;
import io.counterdesk.card.CardIssueService;
import io.counterdesk.card.CardReading;
import io.counterdesk.payment.PaymentCalculator;
import io.counterdesk.payment.PaymentInput;
import io.counterdesk.payment.PaymentPlan;
import io.counterdesk.payment.PaymentRequest;
import io.counterdesk.payment.PaymentResult;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.payment.VoucherRule;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.Settings;
import io.counterdesk.persistence.Tx;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.servicetime.ServiceTimeService;
import io.counterdesk.servicetime.ServiceTimer;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opening an account at the counter (开户/报装, DESIGN 2.2). One transaction holds the account with its
 * holder period and search slices, the used fee invoice, the auto-debit enrolment, the opening row,
 * the fee and deposit taken through the payment path (tenders, till, receipt numbers, its
 * {@code PAYMENT} event), the service time and the {@code ACCOUNT_OPENED} event: all or nothing.
 *
 * <p>An IC meter's first card is written after that commit, by {@link CardIssueService#issueFirst}
 * (its own two phases: the card row is recorded {@code ISSUING} before the write and activated after
 * the read-back). The blank card is checked before anything is committed; a write that fails then
 * leaves the account open and paid with its card to be issued again ({@link #issueCard}). Money is
 * never left without its account, nor a card written without its record.
 */
public final class AccountOpeningService {

    /** Setting: the first digits of new account numbers (ten digits in all). */
    public static final String ACCOUNT_PREFIX_SETTING = "opening.accountNoPrefix";
    static final String DEFAULT_ACCOUNT_PREFIX = "33";

    private final Database database;
    private final Journal journal;
    private final PaymentService payments;
    private final CardIssueService cards;
    private final ServiceTimeService serviceTimes;
    private static final PaymentCalculator CALCULATOR = new PaymentCalculator(VoucherRule.DEFAULT);
    private final Settings settings = new Settings();
    private final OpeningRepository openings = new OpeningRepository();
    private final AccountRepository accounts = new AccountRepository();

    public AccountOpeningService(Database database, Journal journal, PaymentService payments, CardIssueService cards,
                                 ServiceTimeService serviceTimes) {
        this.database = database;
        this.journal = journal;
        this.payments = payments;
        this.cards = cards;
        this.serviceTimes = serviceTimes;
    }

    /** The fees in force: the settings, or the defaults of 第十条 where a setting is missing or unreadable. */
    public OpeningRules rules() {
        return new OpeningRules(database.read(this::tariff));
    }

    private OpeningTariff tariff(Tx tx) {
        OpeningTariff d = OpeningTariff.DEFAULT;
        Map<BuildingType, Money> fees = new EnumMap<>(BuildingType.class);
        for (BuildingType t : BuildingType.values()) {
            fees.put(t, money(tx, OpeningTariff.settingName(t), d.fee(t)));
        }
        Map<UseType, Money> rates = new EnumMap<>(UseType.class);
        for (UseType t : UseType.values()) {
            rates.put(t, money(tx, OpeningTariff.settingName(t), d.ratePerKw(t)));
        }
        return new OpeningTariff(fees, rates, money(tx, OpeningTariff.DEPOSIT_SETTING, d.gasDeposit()));
    }

    private Money money(Tx tx, String name, Money fallback) {
        try {
            return settings.get(tx, name).map(Money::parse).filter(m -> !m.isNegative()).orElse(fallback);
        } catch (BusinessException unreadable) {
            return fallback;
        }
    }

    /**
     * What the opening's payment comes to with the tenders typed (nothing is written); empty when
     * nothing is to be paid (a fee paid collectively, no deposit).
     */
    public Optional<PaymentPlan> quote(Operator cashier, OpeningApplication app, PaymentInput tenders) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return quote(rules(), app, tenders);
    }

    /**
     * The same, with rules already read (pure: the screen's live figures): the fee lines the rules
     * give, paid with {@code tenders}.
     */
    public static Optional<PaymentPlan> quote(OpeningRules rules, OpeningApplication app, PaymentInput tenders) {
        PaymentInput input = paymentInput(rules, app, tenders);
        if (input.fees().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CALCULATOR.plan(new PaymentRequest(List.of(), input.fees(), input.cashReceived(),
                input.bankTenders(), List.of(), Money.ZERO, Money.ZERO, null, LocalDate.EPOCH,
                input.changeToCredit())));
    }

    /**
     * Opens the account and takes its fee; for an IC meter writes the first card onto the blank card
     * in {@code reader}. Returns once the opening is on disk (and the card written or its failure known).
     *
     * @param tenders how the customer pays (cash, bank card, bank slip); the fee lines are the rules'
     * @param timer   the service-time clock of this business, recorded with the commit (may be null)
     * @throws BusinessException when the application, the documents, the fee invoice, the meter, the
     *     card or the payment is refused; nothing is then written
     */
    public OpeningResult open(Operator cashier, OpeningApplication app, PaymentInput tenders, CardAccess reader,
                              ServiceTimer timer) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        OpeningRules.requireDocuments(app);
        boolean ic = app.meterKind() == MeterKind.IC;
        if (ic) {
            requireBlankCard(reader);
        }
        OpeningRules rules = rules();
        PaymentInput input = paymentInput(rules, app, tenders);
        record Opened(long accountId, String accountNo, PaymentResult payment) {
        }
        Opened opened = database.inTransaction(tx -> {
            openings.accountWithMeter(tx, app.meterNo()).ifPresent(other -> {
                throw new BusinessException("opening.meter.inUse", app.meterNo(), other);
            });
            String invoice = app.residential() == null ? null : app.residential().feeInvoiceNo();
            if (invoice != null) {
                openings.invoiceUse(tx, invoice).ifPresent(use -> {
                    throw new BusinessException("opening.invoice.used", invoice,
                            LocalDate.ofInstant(use.usedAt(), tx.clock().getZone()).toString(), use.accountNo());
                });
            }
            LocalDate today = LocalDate.ofInstant(tx.now(), tx.clock().getZone());
            String prefix = settings.get(tx, ACCOUNT_PREFIX_SETTING).filter(p -> p.matches("[0-9]{1,6}"))
                    .orElse(DEFAULT_ACCOUNT_PREFIX);
            String accountNo = openings.nextAccountNo(tx, prefix);
            long accountId = accounts.insert(tx, new NewAccount(accountNo, app.kind(), app.useType(), app.meterKind(),
                    app.meterNo(), null, app.address(), app.holder(), today));
            Money deposit = rules.deposit(app);
            if (deposit.isPositive()) {
                openings.setDeposit(tx, accountId, deposit);
            }
            if (invoice != null) {
                openings.useInvoice(tx, invoice, accountId);
            }
            app.bankDebitOpt().ifPresent(debit -> openings.insertBankDebit(tx, accountId, debit, cashier.id()));
            PaymentResult payment = input.fees().isEmpty() ? null : payments.collectIn(tx, cashier, accountId, input);
            long openingId = openings.insert(tx, accountId, app, rules.fee(app), deposit,
                    payment == null ? null : payment.paymentId(), cashier.id());
            journal.append(tx, cashier.staffNo(), "ACCOUNT_OPENED", "account:" + accountNo,
                    payload(openingId, accountNo, app, rules, payment));
            if (timer != null) {
                serviceTimes.finishIn(tx, cashier, timer, "account:" + accountNo);
            }
            return new Opened(accountId, accountNo, payment);
        });
        Optional<String> serial = Optional.empty();
        Optional<RuntimeException> cardError = Optional.empty();
        if (ic) {
            try {
                serial = Optional.of(cards.issueFirst(cashier, reader, opened.accountId()).serial());
            } catch (RuntimeException e) {
                cardError = Optional.of(e);
            }
        }
        return new OpeningResult(opened.accountId(), opened.accountNo(), Optional.ofNullable(opened.payment()), serial,
                cardError);
    }

    /** Writes the first card of an opened IC account whose card was not written (a retry). */
    public String issueCard(Operator cashier, CardAccess reader, long accountId) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return cards.issueFirst(cashier, reader, accountId).serial();
    }

    /** The opening of an account as its business confirmation prints it. */
    public OpeningRecord record(Operator operator, long accountId) {
        AuthService.require(operator, Permission.LOOKUP);
        return database.read(tx -> record(tx, accountId));
    }

    OpeningRecord record(Tx tx, long accountId) {
        OpeningRepository.Row row = openings.findByAccount(tx, accountId)
                .orElseThrow(() -> new BusinessException("opening.notFound"));
        Account account = accounts.findById(tx, accountId).orElseThrow();
        List<String> receipts = row.paymentId() == null ? List.of() : openings.receiptLabels(tx, row.paymentId());
        return new OpeningRecord(row.id(), account, row.buildingType(), row.feeInvoiceNo(), row.nature(),
                row.applianceKw(), row.legalRepName(), row.proxyName(), row.fee(), row.deposit(), row.documents(),
                openings.activeBankDebit(tx, accountId), receipts, row.staffNo(), row.openedAt(), row.printCount());
    }

    /** Counts a print of the business confirmation (the first is the original, later ones copies). */
    public OpeningRecord printed(Operator cashier, long accountId) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.inTransaction(tx -> {
            OpeningRecord before = record(tx, accountId);
            openings.markPrinted(tx, before.id());
            journal.append(tx, cashier.staffNo(), "OPENING_CONFIRMATION_PRINTED",
                    "account:" + before.account().accountNo(), Map.of("openingId", before.id(), "copy", before.printed()));
            return record(tx, accountId);
        });
    }

    private static PaymentInput paymentInput(OpeningRules rules, OpeningApplication app, PaymentInput tenders) {
        return new PaymentInput(PaymentInput.Bills.NONE, rules.feeLines(app), tenders.cashReceived(),
                tenders.bankTenders(), List.of(), Money.ZERO, false, List.of());
    }

    private static void requireBlankCard(CardAccess reader) {
        if (reader == null) {
            throw new BusinessException("opening.card.noReader");
        }
        CardReading reading = reader.read();
        if (!reading.blank()) {
            throw new BusinessException("topup.issue.notBlank", reading.issued().serial());
        }
    }

    private static Map<String, Object> payload(long openingId, String accountNo, OpeningApplication app,
                                               OpeningRules rules, PaymentResult payment) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("openingId", openingId);
        p.put("accountNo", accountNo);
        p.put("kind", app.kind().name());
        p.put("useType", app.useType() == null ? "" : app.useType().name());
        p.put("meterKind", app.meterKind().name());
        p.put("meterNo", app.meterNo());
        p.put("buildingType", app.residential() == null || app.residential().buildingType() == null ? ""
                : app.residential().buildingType().name());
        p.put("feeInvoiceNo", app.residential() == null || app.residential().feeInvoiceNo() == null ? ""
                : app.residential().feeInvoiceNo());
        p.put("applianceKw", app.business() == null ? "" : app.business().applianceKw().toPlainString());
        p.put("feeFen", rules.fee(app).fen());
        p.put("depositFen", rules.deposit(app).fen());
        p.put("proxy", app.proxy() != null);
        p.put("bankDebit", app.bankDebit() == null ? "" : app.bankDebit().bank().name());
        p.put("documents", app.ticked().stream().sorted().map(Enum::name).toList());
        p.put("paymentId", payment == null ? 0 : payment.paymentId());
        return p;
    }
}
