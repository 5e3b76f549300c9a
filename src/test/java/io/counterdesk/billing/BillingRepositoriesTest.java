package io.counterdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.account.AccountDetail;
import io.counterdesk.account.AccountKind;
import io.counterdesk.account.UseType;
import io.counterdesk.billing.BillRepository.NewBill;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.shared.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tariffs and bills as stored and read back on the real schema. */
class BillingRepositoriesTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private final BillRepository bills = new BillRepository();
    private final TariffRepository tariffs = new TariffRepository();
    private long accountId;

    @BeforeEach
    void anAccount() {
        db.execute("""
                INSERT INTO account(account_no, kind, meter_kind, meter_no, district, street, community, building, unit,
                    room, address_text, holder_name, holder_id_type, holder_id_number, holder_phone, status, opened_on)
                VALUES ('3300000001', 'RESIDENTIAL', 'ORDINARY', '8000000001', '西湖区', '文三路', '翠苑小区', '3', '2',
                    '501', '西湖区文三路翠苑小区3幢2单元501室', '王伟', 'RESIDENT_ID', '330106199001011234', '13800000000',
                    'ACTIVE', DATE '2020-05-01')""");
        accountId = db.queryLong("SELECT id FROM account WHERE account_no = '3300000001'");
    }

    private NewBill bill(String period, long amountFen, long paidFen) {
        YearMonth month = YearMonth.parse(period);
        return new NewBill(accountId, month, 1_000, 1_030, 30, Money.ofFen(amountFen), month.atEndOfMonth(),
                Money.ofFen(paidFen));
    }

    @Test
    void billsReadBackNewestFirstAndUnpaidOldestFirst() {
        db.database().inTransaction(tx -> {
            bills.insertAll(tx, List.of(bill("2024-12", 8_400, 8_400), bill("2025-01", 9_000, 0),
                    bill("2025-02", 7_000, 2_000)));
            return null;
        });

        List<Bill> all = db.database().read(tx -> bills.forAccount(tx, accountId));
        List<Bill> unpaid = db.database().read(tx -> bills.unpaid(tx, accountId));

        assertThat(all).extracting(b -> b.period().toString()).containsExactly("2025-02", "2025-01", "2024-12");
        assertThat(unpaid).extracting(b -> b.period().toString()).containsExactly("2025-01", "2025-02");
        Bill february = all.get(0);
        assertThat(february.outstanding()).isEqualTo(Money.ofFen(5_000));
        assertThat(february.isPaid()).isFalse();
        assertThat(february.dueDate()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(february.volumeM3()).isEqualTo(30);
        assertThat(all.get(2).isPaid()).isTrue();
    }

    @Test
    void accountScreenSeesItsBillLines() {
        db.database().inTransaction(tx -> {
            bills.insertAll(tx, List.of(bill("2025-01", 9_000, 1_000)));
            return null;
        });

        List<AccountDetail.BillLine> lines = db.database().read(tx -> new BillingQueries(LateFeeRule.DEFAULT).billLines(tx, accountId));

        // 80.00 owed × 0.3 % × 18 days (21 February … 10 March) = 4.32, charged in 0.5-yuan steps: 4.00
        assertThat(lines).containsExactly(new AccountDetail.BillLine("2025-01", 30, Money.ofFen(9_000),
                Money.ofFen(8_000), LocalDate.of(2025, 1, 31), Money.parse("4.00")));
    }

    @Test
    void insertingNoBillsDoesNothing() {
        db.database().inTransaction(tx -> {
            bills.insertAll(tx, List.of());
            return null;
        });

        assertThat(db.queryLong("SELECT COUNT(*) FROM bill")).isZero();
    }

    @Test
    void schemaRefusesOverpaidBillsAndDuplicatePeriods() {
        assertThatThrownBy(() -> db.database().inTransaction(tx -> {
            bills.insertAll(tx, List.of(bill("2025-01", 9_000, 9_001)));
            return null;
        })).isInstanceOf(JdbiException.class);
        assertThatThrownBy(() -> db.database().inTransaction(tx -> {
            bills.insertAll(tx, List.of(bill("2025-01", 9_000, 0), bill("2025-01", 9_000, 0)));
            return null;
        })).isInstanceOf(JdbiException.class);
        assertThat(db.queryLong("SELECT COUNT(*) FROM bill")).isZero();
    }

    @Test
    void tariffsRoundTripWithTheirTiers() {
        Tariff residential = new Tariff(0, "RES", "居民生活用气（阶梯）", AccountKind.RESIDENTIAL, null,
                LocalDate.of(2025, 1, 1), List.of(
                        new TariffTier(1, 400L, Money.ofFen(290)),
                        new TariffTier(2, 1_200L, Money.ofFen(346)),
                        new TariffTier(3, null, Money.ofFen(430))));
        Tariff boiler = new Tariff(0, "NR-BL", "非居民·锅炉用气", AccountKind.NON_RESIDENTIAL, UseType.BOILER,
                LocalDate.of(2024, 1, 1), List.of(new TariffTier(1, null, Money.ofFen(330))));

        db.database().inTransaction(tx -> List.of(tariffs.insert(tx, residential), tariffs.insert(tx, boiler)));
        List<Tariff> stored = db.database().read(tariffs::all);

        assertThat(stored).hasSize(2);
        assertThat(stored.get(0)).usingRecursiveComparison().ignoringFields("id").isEqualTo(boiler);
        assertThat(stored.get(1)).usingRecursiveComparison().ignoringFields("id").isEqualTo(residential);
        assertThat(Tariff.inForce(stored, AccountKind.RESIDENTIAL, null, LocalDate.of(2025, 3, 10)).cost(399, 10))
                .isEqualTo(Money.parse("34.04"));
    }
}
