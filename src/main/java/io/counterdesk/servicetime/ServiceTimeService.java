package io.counterdesk.servicetime;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.Settings;
import io.counterdesk.persistence.Tx;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Permission;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service-time clock (第三条): each counter business is timed from the moment the cashier starts
 * it to its receipt and stored with its promise, so the daily report can list every business and
 * whether it kept the hall's promise. Promises are settings in minutes
 * ({@link CounterBusiness#settingName()}), the seed's figures by default.
 */
public final class ServiceTimeService {

    private final Database database;
    private final Journal journal;
    private final Settings settings = new Settings();
    private final ServiceTimeRepository times = new ServiceTimeRepository();

    public ServiceTimeService(Database database, Journal journal) {
        this.database = database;
        this.journal = journal;
    }

    /** The promises in force; a setting that is not a positive whole number of minutes keeps the default. */
    public ServicePromises promises() {
        return database.read(tx -> {
            Map<CounterBusiness, Duration> map = new EnumMap<>(CounterBusiness.class);
            for (CounterBusiness b : CounterBusiness.values()) {
                settings.get(tx, b.settingName()).map(String::strip).filter(v -> v.matches("[1-9][0-9]{0,3}"))
                        .ifPresent(v -> map.put(b, Duration.ofMinutes(Integer.parseInt(v))));
            }
            return new ServicePromises(map);
        });
    }

    /** Sets a promise (minutes, 1 to 9999). */
    public void setPromise(Operator admin, CounterBusiness business, int minutes) {
        AuthService.require(admin, Permission.MANAGE_OPERATORS);
        if (minutes < 1 || minutes > 9999) {
            throw new IllegalArgumentException("minutes: " + minutes);
        }
        database.inTransaction(tx -> {
            settings.put(tx, business.settingName(), Integer.toString(minutes));
            return null;
        });
    }

    /** A business starts now. */
    public ServiceTimer start(CounterBusiness business) {
        return new ServiceTimer(business, database.clock().instant(), promises().of(business));
    }

    /** Records a business that ended now, in its own transaction (after the business's own commit). */
    public ServiceTime finish(Operator cashier, ServiceTimer timer, String subject) {
        AuthService.require(cashier, Permission.COUNTER_BUSINESS);
        return database.inTransaction(tx -> finishIn(tx, cashier, timer, subject));
    }

    /** Records a business that ends with the caller's transaction (its receipt is issued in it). */
    public ServiceTime finishIn(Tx tx, Operator cashier, ServiceTimer timer, String subject) {
        Instant end = tx.now();
        LocalDate day = LocalDate.ofInstant(end, tx.clock().getZone());
        String s = subject == null ? "" : subject.length() > 100 ? subject.substring(0, 100) : subject;
        long id = times.insert(tx, cashier.id(), timer, s, day, end);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("business", timer.business().name());
        payload.put("startedAt", timer.startedAt().toString());
        payload.put("endedAt", end.toString());
        payload.put("promisedSeconds", timer.promise().toSeconds());
        journal.append(tx, cashier.staffNo(), "SERVICE_TIMED", s, payload);
        return new ServiceTime(id, cashier.staffNo(), timer.business(), s, day, timer.startedAt(), end,
                timer.promise());
    }

    /** Every business finished on {@code day}, for the daily report. */
    public List<ServiceTime> day(Operator operator, LocalDate day) {
        AuthService.require(operator, Permission.LOOKUP);
        return database.read(tx -> times.day(tx, day));
    }
}
