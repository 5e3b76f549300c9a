package io.counterdesk.billing;

import io.counterdesk.account.AccountKind;
import io.counterdesk.account.UseType;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.Money;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tariffs and their tiers. */
public final class TariffRepository {

    public long insert(Tx tx, Tariff tariff) {
        long id = tx.handle().createUpdate("""
                INSERT INTO tariff(code, name, account_kind, use_type, effective_from)
                VALUES (:code, :name, :kind, :use, :from)""")
                .bind("code", tariff.code()).bind("name", tariff.name()).bind("kind", tariff.kind().name())
                .bind("use", tariff.useType() == null ? null : tariff.useType().name())
                .bind("from", Date.valueOf(tariff.effectiveFrom()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (TariffTier tier : tariff.tiers()) {
            tx.handle().createUpdate("""
                    INSERT INTO tariff_tier(tariff_id, tier_no, up_to_m3, price_fen_per_m3) VALUES (:t, :n, :up, :price)""")
                    .bind("t", id).bind("n", tier.tierNo()).bind("up", tier.upToM3())
                    .bind("price", tier.pricePerM3().fen()).execute();
        }
        return id;
    }

    public List<Tariff> all(Tx tx) {
        Map<Long, List<TariffTier>> tiers = new TreeMap<>();
        tx.handle().createQuery("SELECT tariff_id, tier_no, up_to_m3, price_fen_per_m3 FROM tariff_tier ORDER BY tariff_id, tier_no")
                .map((rs, ctx) -> {
                    long up = rs.getLong("up_to_m3");
                    Long upTo = rs.wasNull() ? null : up;
                    tiers.computeIfAbsent(rs.getLong("tariff_id"), k -> new ArrayList<>())
                            .add(new TierRow(rs.getInt("tier_no"), upTo, rs.getLong("price_fen_per_m3")).tier());
                    return 0;
                }).list();
        return tx.handle().createQuery("SELECT * FROM tariff ORDER BY effective_from, code")
                .map((rs, ctx) -> {
                    String use = rs.getString("use_type");
                    long id = rs.getLong("id");
                    return new Tariff(id, rs.getString("code"), rs.getString("name"),
                            AccountKind.valueOf(rs.getString("account_kind")), use == null ? null : UseType.valueOf(use),
                            rs.getObject("effective_from", LocalDate.class), tiers.getOrDefault(id, List.of()));
                }).list();
    }

    private record TierRow(int tierNo, Long upTo, long priceFen) {
        TariffTier tier() {
            return new TariffTier(tierNo, upTo, Money.ofFen(priceFen));
        }
    }
}
