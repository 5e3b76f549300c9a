package io.counterdesk.card;

import io.counterdesk.account.Account;
import io.counterdesk.account.AccountRepository;
import io.counterdesk.account.MeterKind;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.Tx;
import io.counterdesk.security.ApprovalGrant;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Masking;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Cards into customers' hands (DESIGN 2.5): the first card of an IC account, reissue (补卡) after a
 * card was damaged or lost, re-credit (补气) of gas proven not used, a found old card cleared, and
 * the transfer card (转移卡) when a meter is replaced. Every re-credit needs a hall manager's
 * approval and a reason; lost, damaged and replaced cards are blacklisted. Gas is written through
 * the same two-phase writes as purchases ({@link TopUpService#resolve}), so a failed write is
 * finished later and never written twice.
 *
 * <p>Every service but the first issue stores its printed record ({@link CardServiceRecord}, event
 * {@code CARD_SERVICE_RECORDED}) in the transaction that commits the business itself: a business
 * is never done without its record, nor a record stored for a business that was not.
 */
public final class CardIssueService {

    /** Why a card is reissued. */
    public enum ReissueCase {
        /** The card is damaged; a field check may prove gas that never reached the meter. */
        DAMAGED,
        /** A card never used in the meter is lost: reissue only; re-credit if it turns up unused. */
        LOST_UNUSED,
        /** A card in use is lost: a field check decides what is re-credited. */
        LOST_IN_USE
    }

    /**
     * A card written for an account, the re-credit for it if there is one (still {@code PENDING}
     * when the card has yet to take it), and the record of the reissue (none for a first card).
     */
    public record IssueResult(String serial, CardImage image, Optional<GasPurchase> recredit,
                              Optional<CardServiceRecord> record) {
    }

    /**
     * A card service done: its stored record, and the gas write it made if there is one (still
     * {@code PENDING} when the card has yet to take it: {@link TopUpService#resolve} finishes it).
     */
    public record ServiceResult(CardServiceRecord record, Optional<GasPurchase> write) {
    }

    private final Database database;
    private final Journal journal;
    private final ApprovalRecorder approvals;
    private final TopUpService topUps;
    private final int utilityCode;
    private final int areaCode;
    private final SecureRandom random = new SecureRandom();
    private final CardRepository cards = new CardRepository();
    private final AccountRepository accounts = new AccountRepository();
    private final CardServiceRecordRepository records = new CardServiceRecordRepository();

    public CardIssueService(Database database, Journal journal, ApprovalRecorder approvals, TopUpService topUps,
                            int utilityCode, int areaCode) {
        this.database = database;
        this.journal = journal;
        this.approvals = approvals;
        this.topUps = topUps;
        this.utilityCode = utilityCode;
        this.areaCode = areaCode;
    }

    /**
     * What writing the first card of an IC account ({@link #issueFirst}) will do.
     *
     * @param interruptedSerial the serial of a first card whose write was cut (at opening, or an
     *                          earlier retry): it is written again, or the card it completed activated
     * @param purchaseCount     the purchase count the card starts with (the system's)
     * @param cumulativeM3      the gas the card's cumulative figure starts with (the system's)
     */
    public record FirstCard(Optional<String> interruptedSerial, int purchaseCount, long cumulativeM3) {
    }

    /**
     * The account's first card still to be written, for the card service screen's summary (reads
     * only). Refused like {@link #issueFirst}: an account that has (or had) a card needs a reissue.
     */
    public FirstCard firstCard(Operator cashier, long accountId) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.read(tx -> new FirstCard(interruptedFirst(tx, icAccount(tx, accountId)),
                cards.systemCount(tx, accountId), cards.cumulativeM3(tx, accountId)));
    }

    /**
     * Writes the first card of an IC account onto the blank card in the reader: at account opening,
     * again with F8 on its result, or later on the card service screen (Ctrl+B, 补写首张卡). A retry
     * after a write that was cut issues the same serial again ({@link #writeOrAdopt}).
     */
    public IssueResult issueFirst(Operator cashier, CardAccess card, long accountId) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        CardReading reading = card.read();
        String serial = database.inTransaction(tx -> {
            Optional<String> interrupted = interruptedFirst(tx, icAccount(tx, accountId));
            if (interrupted.isPresent()) {
                return interrupted.get();
            }
            String profile = blankCard(reading);
            String newSerial = newSerial(tx);
            cards.insertCard(tx, newSerial, accountId, profile, nextIssueNo(tx, accountId), cashier.id());
            return newSerial;
        });
        return writeOrAdopt(cashier, card, reading, accountId, serial, "CARD_ISSUED", Map.of(),
                (tx, image) -> new IssueResult(serial, image, Optional.empty(), Optional.empty()));
    }

    /**
     * Reissues the account's card onto the blank card in the reader: the old card is blacklisted; a
     * re-credit (with {@code grant} and {@code reason}) is written when the field check proves gas
     * bought that never reached the meter. {@code check} is required for {@link ReissueCase#LOST_IN_USE}.
     * The new card's activation, the re-credit's pending write and the record commit together once
     * the card is written; the re-credit is then written too, or left open when that fails.
     */
    public IssueResult reissue(Operator cashier, CardAccess card, long accountId, ReissueCase why, FieldCheck check,
                               String reason, ApprovalGrant grant) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        if (why == ReissueCase.LOST_IN_USE && check == null) {
            throw new BusinessException("topup.reissue.fieldCheckRequired");
        }
        database.read(tx -> unfinished(tx, icAccount(tx, accountId))).ifPresent(u -> {
            throw new BusinessException("topup.reissue.unfinished", u.newSerial());
        });
        String profile = blankCard(card);
        Started started = database.inTransaction(tx -> {
            Account account = icAccount(tx, accountId);
            unfinished(tx, account).ifPresent(u -> {
                throw new BusinessException("topup.reissue.unfinished", u.newSerial());
            });
            cards.openFor(tx, accountId).ifPresent(open -> {
                throw new BusinessException("topup.refused.OPEN_WRITE", open.purchaseNo(), open.volumeM3());
            });
            String old = account.cardSerial();
            if (old == null) {
                // never had a card: its first card is written (补写首张卡), there is nothing to replace
                throw new BusinessException("topup.reissue.noFirstCard", account.accountNo());
            }
            cards.blacklist(tx, old, account.accountNo(), why == ReissueCase.DAMAGED ? "DAMAGED" : "LOST",
                    cashier.staffNo());
            cards.endCard(tx, old, "BLACKLISTED", why == ReissueCase.DAMAGED ? "DAMAGED" : "LOST");
            long recredit = 0;
            Long checkId = null;
            if (check != null) {
                if (check.accountId() != accountId) {
                    throw new IllegalArgumentException("field check of another account");
                }
                checkId = cards.insertFieldCheck(tx, check, cashier.id());
                recredit = notLoadedM3(tx, accountId, check.meterPurchaseCount());
            }
            Long approval = null;
            if (recredit > 0) {
                approval = approvals.record(tx, grant, cashier, "RECREDIT_GAS", "account:" + account.accountNo(), reason);
            }
            String serial = newSerial(tx);
            cards.insertCard(tx, serial, accountId, profile, nextIssueNo(tx, accountId), cashier.id());
            Started s = new Started(why, old, serial, recredit, approval,
                    approval == null ? null : grant.approver().staffNo(), checkId, reason == null ? "" : reason.strip());
            journal.append(tx, cashier.staffNo(), "CARD_REISSUE_STARTED", "account:" + account.accountNo(),
                    s.payload());
            return s;
        });
        IssueResult issued = writeNewCard(cashier, card, profile, accountId, started.newSerial(), "CARD_REISSUED",
                Map.of("case", why.name()), (tx, image) -> completeReissue(tx, cashier, accountId, started, check, image));
        return withRecreditWritten(cashier, card, issued);
    }

    /**
     * A reissue cut between writing its new card and its commit (crash, reader error, the record not
     * stored): the old card is already blacklisted, the new card not activated. Empty when the
     * account has none; otherwise {@link #finishReissue} completes it.
     */
    public Optional<UnfinishedReissue> unfinishedReissue(Operator cashier, long accountId) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.read(tx -> unfinished(tx, icAccount(tx, accountId))).map(Started::unfinished);
    }

    /**
     * Completes the account's {@linkplain #unfinishedReissue unfinished reissue} with the card in the
     * reader: the new card it wrote (checked to be exactly what the reissue writes) is activated as
     * it is; onto a blank card (the one whose write was cut, or another) the new card is written again
     * with the same serial, as its SLE4442 PSC may already be that serial's. Either way the old card is not blacklisted
     * again, the approval and field check of the start stand, and activation, record and re-credit
     * commit together once — a second finish finds nothing unfinished.
     */
    public IssueResult finishReissue(Operator cashier, CardAccess card, long accountId) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        CardReading reading = card.read();
        Started started = database.read(tx -> unfinished(tx, icAccount(tx, accountId)))
                .orElseThrow(() -> new BusinessException("topup.reissue.nothingUnfinished"));
        FieldCheck check = started.fieldCheckId() == null ? null
                : database.read(tx -> cards.fieldCheck(tx, started.fieldCheckId())).orElseThrow();
        Map<String, Object> extra = Map.of("case", started.why().name(), "finished", true);
        IssueResult issued = writeOrAdopt(cashier, card, reading, accountId, started.newSerial(), "CARD_REISSUED",
                extra, (tx, image) -> completeReissue(tx, cashier, accountId, started, check, image));
        return withRecreditWritten(cashier, card, issued);
    }

    /**
     * The serial of the account's first card whose write was cut, if one was tried. Refused when the
     * account has (or had) a card: its card is replaced by a reissue, and a reissue cut short is
     * finished as such ({@link #finishReissue}), never activated as a first card.
     */
    private Optional<String> interruptedFirst(Tx tx, Account account) {
        unfinished(tx, account).ifPresent(u -> {
            throw new BusinessException("topup.reissue.unfinished", u.newSerial());
        });
        if (account.cardSerial() != null) {
            throw new BusinessException("topup.issue.hasCard", account.accountNo(), account.cardSerial());
        }
        return cards.cards(tx, account.id()).stream().filter(c -> c.status().equals("ISSUING"))
                .map(CardRepository.IssuedCard::serial).reduce((earlier, later) -> later);
    }

    /** What a reissue set out to do, as its start event records it. */
    private record Started(ReissueCase why, String oldSerial, String newSerial, long recreditM3, Long approvalId,
                           String approverStaffNo, Long fieldCheckId, String reason) {

        Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("case", why.name());
            payload.put("oldSerial", oldSerial);
            payload.put("newSerial", newSerial);
            payload.put("recreditM3", recreditM3);
            payload.put("approvalId", approvalId == null ? 0 : approvalId);
            payload.put("approverStaffNo", approverStaffNo == null ? "" : approverStaffNo);
            payload.put("fieldCheckId", fieldCheckId == null ? 0 : fieldCheckId);
            payload.put("reason", reason);
            return payload;
        }

        static Started of(Map<String, Object> p) {
            long approval = number(p, "approvalId");
            long check = number(p, "fieldCheckId");
            String approver = String.valueOf(p.getOrDefault("approverStaffNo", ""));
            return new Started(ReissueCase.valueOf((String) p.get("case")), String.valueOf(p.get("oldSerial")),
                    String.valueOf(p.get("newSerial")), number(p, "recreditM3"), approval == 0 ? null : approval,
                    approver.isEmpty() ? null : approver, check == 0 ? null : check,
                    String.valueOf(p.getOrDefault("reason", "")));
        }

        private static long number(Map<String, Object> p, String key) {
            return p.get(key) instanceof Number n ? n.longValue() : 0;
        }

        UnfinishedReissue unfinished() {
            return new UnfinishedReissue(why, oldSerial, newSerial, recreditM3, approverStaffNo, reason);
        }
    }

    /**
     * A reissue whose new card was not activated: the old card (already blacklisted), the serial it
     * wrote or was writing, the gas it re-credits, who approved that, and why.
     */
    public record UnfinishedReissue(ReissueCase why, String oldSerial, String newSerial, long recreditM3,
                                    String approverStaffNo, String reason) {
    }

    /** The account's reissue whose card is still being issued, if any. */
    private Optional<Started> unfinished(Tx tx, Account account) {
        List<String> issuing = cards.cards(tx, account.id()).stream().filter(c -> c.status().equals("ISSUING"))
                .map(CardRepository.IssuedCard::serial).toList();
        if (issuing.isEmpty()) {
            return Optional.empty();
        }
        return cards.reissuesStarted(tx, account.accountNo()).stream().map(Started::of)
                .filter(s -> issuing.contains(s.newSerial())).findFirst();
    }

    /** In the commit that activates the reissued card: the re-credit's pending write and the record. */
    private IssueResult completeReissue(Tx tx, Operator cashier, long accountId, Started started, FieldCheck check,
                                        CardImage image) {
        GasPurchase recredit = started.recreditM3() == 0 ? null : recordWrite(tx, cashier, accountId,
                started.newSerial(), GasPurchase.Kind.RECREDIT, started.recreditM3(), started.approvalId(),
                started.reason());
        CardServiceRecord record = storeRecord(tx, cashier, accountId,
                CardServiceRecord.Business.valueOf(started.why().name()), started.oldSerial(), started.newSerial(),
                null, null, recredit, check, started.reason(), recredit == null ? null : started.approverStaffNo());
        return new IssueResult(started.newSerial(), image, Optional.ofNullable(recredit), Optional.of(record));
    }

    private IssueResult withRecreditWritten(Operator cashier, CardAccess card, IssueResult issued) {
        return issued.recredit().isEmpty() ? issued : new IssueResult(issued.serial(), issued.image(),
                Optional.of(writeOrLeaveOpen(cashier, card, issued.recredit().get())), issued.record());
    }

    /**
     * A lost card that turns up: when it still holds its last purchase unloaded, that gas is
     * re-credited onto the account's current card (approval and reason) and the old card is cleared
     * (written as cleared, read back) so it can never be loaded. Insert the old card; the re-credit
     * is then written when the current card is inserted ({@link TopUpService#resolve}/{@link TopUpService#rewrite}).
     */
    public ServiceResult clearFoundCard(Operator cashier, CardAccess card, String reason, ApprovalGrant grant) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        CardImage old = card.read().issued();
        long accountId = database.read(tx -> {
            Account account = accounts.findByAccountNo(tx, old.accountNo())
                    .orElseThrow(() -> new BusinessException("topup.refused.unknownAccount", old.accountNo()));
            if (old.serial().equals(account.cardSerial()) || !"LOST".equals(cards.blacklisted(tx, old.serial())
                    .orElse(""))) {
                throw new BusinessException("topup.found.notLost", old.serial());
            }
            unfinished(tx, account).ifPresent(u -> {
                // the re-credit would go onto the blacklisted old card; finish the reissue first
                throw new BusinessException("topup.reissue.unfinished", u.newSerial());
            });
            return account.id();
        });
        if (old.loaded() || old.lastPurchaseM3() == 0) {
            throw new BusinessException("topup.found.nothingUnloaded", old.serial());
        }
        long approval = database.inTransaction(tx -> {
            long id = approvals.record(tx, grant, cashier, "RECREDIT_GAS", "card:" + old.serial(), reason);
            journal.append(tx, cashier.staffNo(), "CARD_CLEAR_STARTED", "card:" + old.serial(),
                    Map.of("serial", old.serial(), "unloadedM3", old.lastPurchaseM3(), "approvalId", id));
            return id;
        });
        if (old.state() != CardState.CLEARED) {
            card.write(old, old.withState(CardState.CLEARED));
        }
        return database.inTransaction(tx -> {
            Account account = accounts.findById(tx, accountId).orElseThrow();
            cards.endCard(tx, old.serial(), "CLEARED", "FOUND_CLEARED");
            GasPurchase recredit = recordWrite(tx, cashier, accountId, account.cardSerial(), GasPurchase.Kind.RECREDIT,
                    old.lastPurchaseM3(), approval, reason);
            CardServiceRecord record = storeRecord(tx, cashier, accountId, CardServiceRecord.Business.FOUND_CARD,
                    old.serial(), account.cardSerial(), null, null, recredit, null, reason, grant.approver().staffNo());
            return new ServiceResult(record, Optional.of(recredit));
        });
    }

    /**
     * The meter was replaced: the account's card becomes a transfer card (转移卡) bound to the new
     * meter and carries the gas left in the old one (whole m³ of the field check's figure; for a
     * faulty old meter the figure the field check established) — with approval and a reason. The
     * meter change, the transfer's pending write and the record commit together before the card is
     * written; when writing the transfer fails, it is left open for {@link TopUpService#resolve}.
     */
    public ServiceResult meterReplaced(Operator cashier, CardAccess card, long accountId, String newMeterNo,
                                     FieldCheck check, String reason, ApprovalGrant grant) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        if (newMeterNo == null || !newMeterNo.matches("[0-9A-Za-z-]{4,30}")) {
            throw new BusinessException("topup.meter.badNumber");
        }
        CardImage image = card.read().issued();
        long remainingM3 = check.remainingCentiM3() / 100;
        record Replaced(GasPurchase write, CardServiceRecord record) {
        }
        Replaced replaced = database.inTransaction(tx -> {
            Account account = icAccount(tx, accountId);
            if (!image.serial().equals(account.cardSerial())) {
                throw new BusinessException("topup.refused.CARD_NOT_CURRENT", image.serial());
            }
            Optional<String> blacklisted = cards.blacklisted(tx, image.serial());
            if (blacklisted.isPresent()) {
                // the old card of a reissue not finished yet is still the account's card, but blacklisted
                throw new BusinessException("topup.refused.BLACKLISTED", image.serial(),
                        I18n.text("topup.endReason." + blacklisted.get()));
            }
            if (!image.loaded()) {
                throw new BusinessException("topup.refused.NOT_LOADED", image.lastPurchaseM3());
            }
            cards.openFor(tx, accountId).ifPresent(open -> {
                throw new BusinessException("topup.refused.OPEN_WRITE", open.purchaseNo(), open.volumeM3());
            });
            long approval = approvals.record(tx, grant, cashier, "METER_REPLACED", "account:" + account.accountNo(),
                    reason);
            cards.insertFieldCheck(tx, check, cashier.id());
            cards.changeMeter(tx, accountId, newMeterNo);
            journal.append(tx, cashier.staffNo(), "METER_REPLACED", "account:" + account.accountNo(), Map.of(
                    "oldMeterNo", account.meterNo(), "newMeterNo", newMeterNo, "transferM3", remainingM3,
                    "remainingCentiM3", check.remainingCentiM3(), "approvalId", approval));
            // a write even without gas: rebinding the card to the new meter is then an open write until it is done
            GasPurchase write = recordWrite(tx, cashier, accountId, image.serial(), GasPurchase.Kind.TRANSFER,
                    remainingM3, approval, reason);
            return new Replaced(write, storeRecord(tx, cashier, accountId, CardServiceRecord.Business.METER_REPLACED,
                    image.serial(), image.serial(), account.meterNo(), newMeterNo, write, check, reason,
                    grant.approver().staffNo()));
        });
        GasPurchase write = replaced.write();
        try {
            card.write(image, image.forNewMeter(newMeterNo).withWrite(write.volumeM3()));
        } catch (CardException e) {
            return new ServiceResult(replaced.record(), Optional.of(write));
        }
        return new ServiceResult(replaced.record(), Optional.of(topUps.confirmWritten(cashier, write)));
    }

    /**
     * One business of the card service screen (补卡/补气, DESIGN 2.5), as the cashier confirmed it:
     * the first card, a reissue (started, or finished when {@code request.finishing()}), a found
     * card cleared, or a meter replaced. Each runs as its own method above does (one transaction with
     * its record and event); this names which, and reads the account as the business left it.
     */
    public Performed perform(Operator cashier, CardAccess card, ServiceRequest request) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        long accountId = request.accountId();
        ApprovalGrant grant = request.grant();
        Optional<GasPurchase> write;
        CardServiceRecord stored;
        switch (request.business()) {
            case FIRST_CARD -> {
                // the same issue as the opening's and its F8: the cut attempt's serial again, one commit, CARD_ISSUED
                issueFirst(cashier, card, accountId);
                return new Performed(Optional.empty(), Optional.empty(), database.read(tx -> icAccount(tx, accountId)));
            }
            case DAMAGED, LOST_UNUSED, LOST_IN_USE -> {
                IssueResult issued = request.finishing() ? finishReissue(cashier, card, accountId)
                        : reissue(cashier, card, accountId, request.business().reissueCase().orElseThrow(),
                                request.check(), request.reason(), grant);
                write = issued.recredit();
                stored = issued.record().orElseThrow();
            }
            case FOUND_CARD -> {
                ServiceResult done = clearFoundCard(cashier, card, request.reason(), grant);
                write = done.write();
                stored = done.record();
            }
            case METER_REPLACED -> {
                ServiceResult done = meterReplaced(cashier, card, accountId, request.newMeterNo(), request.check(),
                        request.reason(), grant);
                write = done.write();
                stored = done.record();
            }
            default -> throw new IllegalStateException(request.business().name());
        }
        // the account as the business left it: its new card, or its new meter
        return new Performed(Optional.of(stored), write.filter(w -> w.status() == GasPurchase.Status.PENDING),
                database.read(tx -> icAccount(tx, accountId)));
    }

    /**
     * A card service as confirmed on the screen. {@code check} (field check), {@code newMeterNo},
     * {@code reason} and {@code grant} are null where the business takes none.
     */
    public record ServiceRequest(CardServiceRecord.Business business, long accountId, boolean finishing,
                                 FieldCheck check, String newMeterNo, String reason, ApprovalGrant grant) {
        public ServiceRequest {
            java.util.Objects.requireNonNull(business);
        }

        /** A new card is issued (first card or reissue): demo mode keeps it as the customer's. */
        public boolean issuesACard() {
            return business == CardServiceRecord.Business.FIRST_CARD || business.reissueCase().isPresent();
        }
    }

    /**
     * What a card service left: its printed record (none for a first card), the re-credit or transfer
     * still to be written onto the card (a pending write), and the account after it.
     */
    public record Performed(Optional<CardServiceRecord> record, Optional<GasPurchase> openWrite, Account after) {
    }

    /** The IC account with this number, for a card service typed by account number. */
    public Account account(Operator cashier, String accountNo) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.read(tx -> {
            Account account = accounts.findByAccountNo(tx, accountNo)
                    .orElseThrow(() -> new BusinessException("topup.refused.unknownAccount", accountNo));
            return icAccount(tx, account.id());
        });
    }

    /**
     * What {@link #reissue} would re-credit with a field check that found {@code meterPurchaseCount}
     * loaded: the completed purchases after it (for the summary shown before committing).
     */
    public long recreditPreview(Operator cashier, long accountId, int meterPurchaseCount) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.read(tx -> notLoadedM3(tx, accountId, meterPurchaseCount));
    }

    private GasPurchase writeOrLeaveOpen(Operator cashier, CardAccess card, GasPurchase write) {
        try {
            return topUps.rewrite(cashier, card, write.id());
        } catch (CardException e) {
            return write;
        }
    }

    /**
     * Issues {@code serial}, a card of the account still {@code ISSUING}, with the card in the reader
     * ({@code reading}), then activates it and does {@code alsoThen} in the same transaction. A blank
     * card gets that serial written — the same serial as the interrupted write of it, if any: an
     * SLE4442 cut after its PSC change opens only with that serial's PSC, so a new serial would
     * spend its PSC tries. The card an interrupted write completed is activated as it is, once it
     * is exactly the card that write makes. Used by the first issue and the finish of a reissue.
     */
    private IssueResult writeOrAdopt(Operator cashier, CardAccess card, CardReading reading, long accountId,
                                     String serial, String event, Map<String, Object> extra,
                                     BiFunction<Tx, CardImage, IssueResult> alsoThen) {
        if (reading.blank()) {
            return writeNewCard(cashier, card, reading.profileId(), accountId, serial, event, extra, alsoThen);
        }
        CardImage onCard = reading.issued();
        if (!onCard.serial().equals(serial)) {
            throw new BusinessException("topup.reissue.wrongCard", onCard.serial(), serial);
        }
        CardImage expected = newCardImage(accountId, serial);
        if (!onCard.equals(expected)) {
            throw new CardException(CardException.Reason.CARD_CHANGED, "topup.reissue.cardDiffers", serial);
        }
        return activate(cashier, reading.profileId(), accountId, serial, expected, event, extra, alsoThen);
    }

    /**
     * Writes the new card onto the blank {@code profile} chip in the reader, then activates it and
     * does {@code alsoThen} in the same transaction.
     */
    private IssueResult writeNewCard(Operator cashier, CardAccess card, String profile, long accountId, String serial,
                                     String event, Map<String, Object> extra,
                                     BiFunction<Tx, CardImage, IssueResult> alsoThen) {
        CardImage image = newCardImage(accountId, serial);
        card.write(null, image);
        return activate(cashier, profile, accountId, serial, image, event, extra, alsoThen);
    }

    /** The new card as it is written: the account's counts as the system has them. */
    private CardImage newCardImage(long accountId, String serial) {
        return database.read(tx -> {
            Account account = accounts.findById(tx, accountId).orElseThrow();
            int issueNo = cards.card(tx, serial).orElseThrow().issueNo();
            return CardImage.issue(serial, utilityCode, areaCode, account.accountNo(), account.meterNo(),
                    cards.systemCount(tx, accountId), cards.cumulativeM3(tx, accountId), issueNo);
        });
    }

    /**
     * Activates the card written on a {@code profile} chip and does {@code alsoThen} in one
     * transaction (once: a card is activated once).
     */
    private IssueResult activate(Operator cashier, String profile, long accountId, String serial, CardImage image,
                                 String event, Map<String, Object> extra,
                                 BiFunction<Tx, CardImage, IssueResult> alsoThen) {
        return database.inTransaction(tx -> {
            if (!cards.activateCard(tx, serial, accountId, profile)) {
                throw new BusinessException("topup.reissue.nothingUnfinished");
            }
            Map<String, Object> payload = new LinkedHashMap<>(extra);
            payload.put("serial", serial);
            payload.put("purchaseCount", image.purchaseCount());
            payload.put("issueNo", image.reissueCount());
            journal.append(tx, cashier.staffNo(), event, "account:" + image.accountNo(), payload);
            return alsoThen.apply(tx, image);
        });
    }

    /** Stores the record of a card service in the business's own transaction, with its event. */
    private CardServiceRecord storeRecord(Tx tx, Operator cashier, long accountId, CardServiceRecord.Business business,
                                          String oldSerial, String newSerial, String oldMeterNo, String newMeterNo,
                                          GasPurchase write, FieldCheck check, String reason, String approverStaffNo) {
        Account account = accounts.findById(tx, accountId).orElseThrow();
        CardServiceRecord draft = CardServiceRecord.draft(business, accountId, account.accountNo(),
                Masking.name(account.holder().name()), oldSerial, newSerial, oldMeterNo, newMeterNo,
                write == null ? 0 : write.volumeM3(), write == null ? null : write.id(), check,
                reason == null ? "" : reason.strip(), cashier.staffNo(), approverStaffNo);
        long id = records.insert(tx, draft);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("recordId", id);
        payload.put("business", business.name());
        payload.put("oldSerial", draft.oldSerial());
        payload.put("newSerial", draft.newSerial());
        payload.put("volumeM3", draft.volumeM3());
        journal.append(tx, cashier.staffNo(), "CARD_SERVICE_RECORDED", "account:" + account.accountNo(), payload);
        return records.find(tx, id).orElseThrow();
    }

    private GasPurchase recordWrite(Tx tx, Operator cashier, long accountId, String serial, GasPurchase.Kind kind,
                                    long volumeM3, Long approvalId, String reason) {
        int purchaseNo = cards.systemCount(tx, accountId) + 1;
        long id = cards.insertPurchase(tx, accountId, serial, purchaseNo, kind, volumeM3, 0, today(tx), null,
                approvalId, reason, cashier.id());
        journal.append(tx, cashier.staffNo(), "GAS_" + kind.name() + "_PENDING", "account:" + accountId, Map.of(
                "purchaseId", id, "cardSerial", serial, "purchaseNo", purchaseNo, "volumeM3", volumeM3,
                "approvalId", approvalId == null ? 0 : approvalId));
        return cards.purchase(tx, id).orElseThrow();
    }

    /** Gas of completed purchases after the last one the meter loaded. */
    private long notLoadedM3(Tx tx, long accountId, int meterPurchaseCount) {
        List<GasPurchase> all = cards.purchases(tx, accountId);
        return all.stream().filter(p -> p.status() == GasPurchase.Status.COMPLETED)
                .filter(p -> p.purchaseNo() > meterPurchaseCount).mapToLong(GasPurchase::volumeM3).sum();
    }

    private Account icAccount(Tx tx, long accountId) {
        Account account = accounts.findById(tx, accountId)
                .orElseThrow(() -> new BusinessException("account.notFound"));
        if (account.meterKind() != MeterKind.IC) {
            throw new BusinessException("topup.refused.NOT_IC_ACCOUNT", account.accountNo());
        }
        return account;
    }

    private static String blankCard(CardAccess card) {
        return blankCard(card.read());
    }

    private static String blankCard(CardReading reading) {
        if (!reading.blank()) {
            throw new BusinessException("topup.issue.notBlank", reading.issued().serial());
        }
        return reading.profileId();
    }

    private int nextIssueNo(Tx tx, long accountId) {
        return cards.cards(tx, accountId).stream().mapToInt(CardRepository.IssuedCard::issueNo).max().orElse(-1) + 1;
    }

    /** Utility code, then 12 random digits (unique across halls without asking head office), never reused. */
    private String newSerial(Tx tx) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String serial = String.format("%04d%012d", utilityCode, Math.floorMod(random.nextLong(), 1_000_000_000_000L));
            if (cards.card(tx, serial).isEmpty() && cards.blacklisted(tx, serial).isEmpty()) {
                return serial;
            }
        }
        throw new IllegalStateException("no free card serial after 20 tries");
    }

    private static LocalDate today(Tx tx) {
        return LocalDate.ofInstant(tx.now(), tx.clock().getZone());
    }
}
