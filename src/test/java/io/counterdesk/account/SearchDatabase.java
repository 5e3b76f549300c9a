package io.counterdesk.account;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.Role;
import io.counterdesk.shared.CreditCode;
import io.counterdesk.shared.ResidentId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** A real H2 file with the real migrations, and valid accounts to put in it; for the account tests. */
final class SearchDatabase implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T01:30:00Z"), ZONE);
    static final LocalDate TODAY = LocalDate.now(CLOCK);

    final Database database;
    final AccountRepository repository = new AccountRepository();
    final AccountService service;
    final AuthService auth;
    /** A cashier logged in through the real log-in: services accept only a live session. */
    final Operator cashier;

    SearchDatabase(Path directory) {
        database = Database.open(new DatabaseLocation(directory, "t"), CLOCK);
        service = new AccountService(database, (tx, accountId) -> List.of());
        auth = new AuthService(database, new Journal("T1"), TestDatabase.HASHER);
        cashier = login("1001", Role.CASHIER, false);
    }

    /** Adds an operator with password "secret123" and logs them in. */
    Operator login(String staffNo, Role role, boolean mustChange) {
        database.inTransaction(tx -> auth.insertOperator(tx, "system", staffNo, "王伟", role,
                "secret123".toCharArray(), mustChange));
        return auth.login(staffNo, "secret123".toCharArray());
    }

    long insert(NewAccount account) {
        return database.inTransaction(tx -> repository.insert(tx, account));
    }

    List<Long> insertAll(List<NewAccount> accounts) {
        return database.inTransaction(tx -> repository.insertAll(tx, accounts));
    }

    List<Long> ids(String query) {
        return service.search(cashier, query).stream().map(AccountSummary::id).toList();
    }

    void execute(String sql) {
        database.jdbi().useHandle(handle -> handle.execute(sql));
    }

    @Override
    public void close() {
        database.close();
    }

    /** A valid resident ID number from its first 17 digits. */
    static String residentId(String first17) {
        return first17 + ResidentId.checkDigit(first17);
    }

    /** A valid unified social credit code from its first 17 characters. */
    static String creditCode(String first17) {
        return first17 + CreditCode.checkChar(first17);
    }

    static NewAccount residential(String accountNo, String name, String idFirst17, String phone, String meterNo,
                                  Address address) {
        return new NewAccount(accountNo, AccountKind.RESIDENTIAL, null, MeterKind.ORDINARY, meterNo, null, address,
                new Holder(name, IdType.RESIDENT_ID, residentId(idFirst17), phone), TODAY.minusYears(3));
    }

    static NewAccount icResidential(String accountNo, String name, String idFirst17, String phone, String meterNo,
                                    String cardSerial, Address address) {
        return new NewAccount(accountNo, AccountKind.RESIDENTIAL, null, MeterKind.IC, meterNo, cardSerial, address,
                new Holder(name, IdType.RESIDENT_ID, residentId(idFirst17), phone), TODAY.minusYears(1));
    }

    static NewAccount business(String accountNo, String name, String codeFirst17, String phone, String meterNo,
                               Address address) {
        return new NewAccount(accountNo, AccountKind.NON_RESIDENTIAL, UseType.COMMERCIAL_KITCHEN, MeterKind.ORDINARY,
                meterNo, null, address, new Holder(name, IdType.CREDIT_CODE, creditCode(codeFirst17), phone),
                TODAY.minusMonths(5));
    }
}
