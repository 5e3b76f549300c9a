package io.counterdesk.report;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DayLocks;
import io.counterdesk.persistence.Journal;
import io.counterdesk.security.OperatorConfirmation;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The hall's sign-off (签核, seed 第二十四条(五)): the day's checker, with their own credentials, signs
 * the hall's day off once every till of it is closed. From the commit on the day is locked
 * ({@link DayLocks}): the journal refuses every business event on it.
 */
public final class HallSignOffService {

    private final Database database;
    private final Journal journal;
    private final DayReportService reports;
    /** Run after a sign-off has committed (the batch for head office). */
    private volatile Runnable afterSignOff = () -> { };
    private final ReportRepository repository = new ReportRepository();

    public HallSignOffService(Database database, Journal journal, DayReportService reports) {
        this.database = database;
        this.journal = journal;
        this.reports = reports;
    }

    /**
     * The day the sign-off screen opens on ({@link SignOffDays#toOffer}): the oldest day of the last
     * {@value SignOffDays#LOOK_BACK_DAYS} days before {@code today} that had tills and is not signed off
     * (a till still open on it included: its sign-off is then refused as ever), else {@code today}.
     */
    public LocalDate dayToSignOff(Operator manager, LocalDate today) {
        AuthService.require(manager, Permission.APPROVE);
        return SignOffDays.toOffer(today, database.read(tx ->
                repository.unsignedDaysWithTills(tx, SignOffDays.lookBackFrom(today), today)));
    }

    /** Signs {@code day} off as the checker who just entered their credentials ({@code checker}). */
    public HallDayReport signOff(OperatorConfirmation checker, LocalDate day, String note) {
        Operator signer = checker.operator();
        AuthService.require(signer, Permission.APPROVE);
        String why = note == null ? "" : note.strip();
        database.inTransaction(tx -> {
            // the head first: payments and closes in flight finish before the day is read and locked
            journal.holdHead(tx);
            if (day.isAfter(LocalDate.ofInstant(tx.now(), tx.clock().getZone()))) {
                throw new BusinessException("signoff.notToday");
            }
            repository.signOff(tx, day).ifPresent(s -> {
                throw new BusinessException("signoff.alreadySigned", day.toString(), s.signedAt().toString());
            });
            List<ReportRepository.Till> open = repository.tillsOf(tx, day).stream()
                    .filter(t -> "OPEN".equals(t.status())).toList();
            if (!open.isEmpty()) {
                throw new BusinessException("signoff.tillsOpen", day.toString(),
                        open.stream().map(t -> t.staffNo() + " " + t.name()).collect(Collectors.joining("、")));
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("businessDay", day.toString());
            payload.put("tills", repository.tillsOf(tx, day).stream().map(ReportRepository.Till::id).toList());
            payload.put("note", why);
            journal.append(tx, signer.staffNo(), "DAY_SIGNED_OFF", "day:" + day, payload);
            DayLocks.lock(tx, day, signer.id(), why);
            return null;
        });
        io.counterdesk.till.DayCloseService.runAfter(afterSignOff);
        return reports.hallDay(signer, day);
    }

    /** What runs after each sign-off has committed (CounterDesk: the day's batch for head office). */
    public void afterSignOff(Runnable hook) {
        afterSignOff = java.util.Objects.requireNonNull(hook);
    }
}
