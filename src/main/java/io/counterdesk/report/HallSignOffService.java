package io.counterdesk.report;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DayLocks;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.Tx;
import io.counterdesk.persistence.Settings;
import io.counterdesk.security.OperatorConfirmation;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import io.counterdesk.shared.BusinessException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
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

    /** The setting with the time the hall closes ("17:30"): signing today off before it needs a reason. */
    public static final String CLOSING_TIME_SETTING = "hall.closingTime";
    /** The closing time when the setting is absent or not a time. */
    public static final LocalTime DEFAULT_CLOSING_TIME = LocalTime.of(17, 30);

    private final Database database;
    private final Journal journal;
    private final DayReportService reports;
    private final ReportRepository repository = new ReportRepository();

    /** Run in order after each committed sign-off (the composition root: the backup, then the batch for head office). */
    private final List<Runnable> afterSignOff = new java.util.concurrent.CopyOnWriteArrayList<>();

    public HallSignOffService(Database database, Journal journal, DayReportService reports) {
        this(database, journal, reports, () -> { });
    }

    public HallSignOffService(Database database, Journal journal, DayReportService reports, Runnable afterSignOff) {
        this.database = database;
        this.journal = journal;
        this.reports = reports;
        this.afterSignOff.add(afterSignOff);
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

    /** The time the hall closes (setting {@value #CLOSING_TIME_SETTING}, else 17:30). */
    public LocalTime closingTime() {
        return database.read(HallSignOffService::closingTime);
    }

    private static LocalTime closingTime(Tx tx) {
        return new Settings().get(tx, CLOSING_TIME_SETTING).map(HallSignOffService::time).orElse(DEFAULT_CLOSING_TIME);
    }

    /**
     * Whether signing {@code day} off at {@code now} (the hall's local time) needs a reason: it is
     * today and the hall has not closed yet (issue 15 §2). Nobody can open a till or take money on a
     * signed-off day, so an early sign-off must say why.
     */
    public static boolean needsReason(LocalDate day, LocalDateTime now, LocalTime closing, String note) {
        return day.equals(now.toLocalDate()) && now.toLocalTime().isBefore(closing) && (note == null || note.isBlank());
    }

    private static LocalTime time(String setting) {
        try {
            return LocalTime.parse(setting.strip());
        } catch (DateTimeParseException e) {
            return DEFAULT_CLOSING_TIME;
        }
    }

    /**
     * Signs {@code day} off as the checker who just entered their credentials ({@code checker}).
     * From the sign-off on nobody can open a till or take money on the day; the screen asks before
     * it signs today off. Today before {@link #closingTime()} is refused without a reason
     * ({@code note}, {@link #needsReason}).
     */
    public HallDayReport signOff(OperatorConfirmation checker, LocalDate day, String note) {
        if (checker == null) {
            throw new BusinessException("security.permission.denied");
        }
        // the checker as the database has them now, not the object handed in (ADR 0013)
        Operator signer = checker.require(Permission.APPROVE);
        io.counterdesk.shared.SaneDates.require(day);
        String why = note == null ? "" : note.strip();
        database.inTransaction(tx -> {
            // the head first: payments and closes in flight finish before the day is read and locked
            journal.holdHead(tx);
            LocalDateTime now = LocalDateTime.ofInstant(tx.now(), tx.clock().getZone());
            if (day.isAfter(now.toLocalDate())) {
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
            // today before closing time: the rest of the day is locked for everyone, so say why
            LocalTime closing = closingTime(tx);
            if (needsReason(day, now, closing, why)) {
                throw new BusinessException("signoff.reasonBeforeClosing",
                        now.toLocalTime().withSecond(0).withNano(0).toString(), closing.toString());
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("businessDay", day.toString());
            payload.put("tills", repository.tillsOf(tx, day).stream().map(ReportRepository.Till::id).toList());
            payload.put("note", why);
            journal.append(tx, signer.staffNo(), "DAY_SIGNED_OFF", "day:" + day, payload);
            DayLocks.lock(tx, day, signer.id(), why);
            return null;
        });
        afterSignOff.forEach(io.counterdesk.till.DayCloseService::runAfter);
        // the checker was checked above as the database has them (a confirmation carries no session)
        return reports.hallDayForCheck(day);
    }

    /** Adds what runs after each sign-off has committed (CounterDesk: the day's batch for head office). */
    public void afterSignOff(Runnable hook) {
        afterSignOff.add(java.util.Objects.requireNonNull(hook));
    }
}
