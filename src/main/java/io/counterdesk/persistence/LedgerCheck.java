package io.counterdesk.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * The tables against the journal (issue 13 §2): the journal is chained and keyed, the tables are not,
 * so a row edited afterwards differs from the event written with it. {@code verify} compares
 * <ul>
 *   <li>payments (the {@code PAYMENT} and {@code PAYMENT_REVERSED} events): the amounts, the till,
 *       the lines in order, the bank tenders, the cash and credit tenders, and the receipts;</li>
 *   <li>receipts: each one of a payment's event is there with its kind, number, part and code, and
 *       the payment has no other;</li>
 *   <li>gas purchases (the {@code GAS_*_PENDING} events that create them): card serial, purchase
 *       count, m³ and money;</li>
 * </ul>
 * and that every payment and gas purchase row has the event that wrote it. Each difference is
 * named (table, row, field, table value, journal value). Later changes of state (a receipt voided
 * or reprinted, a purchase completed) are not compared: they have their own events.
 */
public final class LedgerCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Payload key → payment column, compared when the event has the key. */
    private static final Map<String, String> PAYMENT_FIELDS = Map.ofEntries(
            Map.entry("tillId", "till_id"),
            Map.entry("totalDueFen", "total_due_fen"),
            Map.entry("totalFen", "total_due_fen"),
            Map.entry("cashReceivedFen", "cash_received_fen"),
            Map.entry("moneyReceivedFen", "money_received_fen"),
            Map.entry("changeFen", "change_fen"),
            Map.entry("creditUsedFen", "credit_used_fen"),
            Map.entry("creditAddedFen", "credit_added_fen"),
            Map.entry("voucherM3", "voucher_m3"),
            Map.entry("voucherValueFen", "voucher_value_fen"),
            Map.entry("stillOwedFen", "still_owed_fen"));
    /** Tenders kept by the payment's own figures, not in the event's bank tenders. */
    private static final Set<String> NOT_BANK = Set.of("CASH", "VOUCHER", "CREDIT");

    private LedgerCheck() {
    }

    /** Every difference found, one line each; empty when the tables agree with the journal. */
    public static List<String> check(Tx tx) {
        Handle h = tx.handle();
        List<String> problems = new ArrayList<>();
        Set<Long> paymentsSeen = new HashSet<>();
        Set<Long> purchasesSeen = new HashSet<>();
        try (ResultIterator<Map<String, Object>> events = h.createQuery("""
                SELECT seq, type, payload FROM journal
                WHERE type IN ('PAYMENT', 'PAYMENT_REVERSED') OR type LIKE 'GAS\\_%\\_PENDING' ESCAPE '\\'
                ORDER BY seq""").mapToMap().iterator()) {
            while (events.hasNext()) {
                Map<String, Object> event = events.next();
                long seq = ((Number) event.get("seq")).longValue();
                String type = (String) event.get("type");
                Map<String, Object> payload = parse((String) event.get("payload"));
                if (payload == null) {
                    problems.add("journal event " + seq + ": payload is not JSON");
                } else if (type.startsWith("PAYMENT")) {
                    long id = number(payload.get("paymentId"));
                    paymentsSeen.add(id);
                    checkPayment(h, seq, type, id, payload, problems);
                } else if (payload.containsKey("cardSerial")) {
                    long id = number(payload.get("purchaseId"));
                    purchasesSeen.add(id);
                    checkPurchase(h, seq, id, payload, problems);
                }
            }
        }
        for (long id : h.createQuery("SELECT id FROM payment ORDER BY id").mapTo(Long.class).list()) {
            if (!paymentsSeen.contains(id)) {
                problems.add("payment " + id + ": no journal event wrote it");
            }
        }
        for (long id : h.createQuery("SELECT id FROM gas_purchase ORDER BY id").mapTo(Long.class).list()) {
            if (!purchasesSeen.contains(id)) {
                problems.add("gas purchase " + id + ": no journal event wrote it");
            }
        }
        return problems;
    }

    private static void checkPayment(Handle h, long seq, String type, long id, Map<String, Object> event,
                                     List<String> problems) {
        String where = "payment " + id + " (journal event " + seq + ")";
        Map<String, Object> row = h.createQuery("SELECT * FROM payment WHERE id = :id").bind("id", id).mapToMap()
                .findOne().orElse(null);
        if (row == null) {
            problems.add(where + ": the row is missing");
            return;
        }
        PAYMENT_FIELDS.forEach((key, column) -> {
            if (event.containsKey(key)) {
                compare(problems, where, column, row.get(column), event.get(key));
            }
        });
        List<Map<String, Object>> lines = h.createQuery(
                "SELECT kind, bill_id, amount_fen, volume_m3 FROM payment_line WHERE payment_id = :id ORDER BY line_no")
                .bind("id", id).mapToMap().list();
        List<Map<String, Object>> eventLines = list(event.get("lines"));
        if (lines.size() != eventLines.size()) {
            problems.add(where + ": " + lines.size() + " lines in the table, " + eventLines.size() + " in the journal");
        } else {
            for (int i = 0; i < lines.size(); i++) {
                Map<String, Object> l = lines.get(i);
                Map<String, Object> e = eventLines.get(i);
                String line = where + " line " + (i + 1);
                compare(problems, line, "kind", l.get("kind"), e.get("kind"));
                compare(problems, line, "bill_id", l.get("bill_id") == null ? 0L : l.get("bill_id"), e.get("billId"));
                compare(problems, line, "amount_fen", l.get("amount_fen"), e.get("amountFen"));
                compare(problems, line, "volume_m3", l.get("volume_m3"), e.get("m3"));
            }
        }
        List<Map<String, Object>> tenders = h.createQuery(
                "SELECT kind, amount_fen, reference FROM payment_tender WHERE payment_id = :id ORDER BY tender_no")
                .bind("id", id).mapToMap().list();
        List<Map<String, Object>> bank = tenders.stream().filter(t -> !NOT_BANK.contains(t.get("kind"))).toList();
        List<Map<String, Object>> eventTenders = list(event.get("tenders"));
        if (bank.size() != eventTenders.size()) {
            problems.add(where + ": " + bank.size() + " bank tenders in the table, " + eventTenders.size() + " in the journal");
        } else {
            for (int i = 0; i < bank.size(); i++) {
                String tender = where + " bank tender " + (i + 1);
                compare(problems, tender, "kind", bank.get(i).get("kind"), eventTenders.get(i).get("kind"));
                compare(problems, tender, "amount_fen", bank.get(i).get("amount_fen"), eventTenders.get(i).get("amountFen"));
                compare(problems, tender, "reference", bank.get(i).get("reference"), eventTenders.get(i).get("reference"));
            }
        }
        if ("PAYMENT".equals(type)) {
            for (Map<String, Object> t : tenders) {
                if ("CASH".equals(t.get("kind"))) {
                    compare(problems, where + " cash tender", "amount_fen", t.get("amount_fen"), event.get("cashReceivedFen"));
                } else if ("CREDIT".equals(t.get("kind"))) {
                    compare(problems, where + " credit tender", "amount_fen", t.get("amount_fen"), event.get("creditUsedFen"));
                }
            }
        }
        List<Map<String, Object>> receipts = h.createQuery(
                "SELECT id, kind, number, part, mac FROM receipt WHERE payment_id = :id ORDER BY id")
                .bind("id", id).mapToMap().list();
        List<Map<String, Object>> eventReceipts = list(event.get("receipts"));
        if (receipts.size() != eventReceipts.size()) {
            problems.add(where + ": " + receipts.size() + " receipts in the table, " + eventReceipts.size() + " in the journal");
        }
        for (Map<String, Object> e : eventReceipts) {
            Map<String, Object> r = h.createQuery("SELECT id, payment_id, part, mac FROM receipt WHERE kind = :k AND number = :n")
                    .bind("k", String.valueOf(e.get("kind"))).bind("n", number(e.get("number"))).mapToMap()
                    .findOne().orElse(null);
            String receipt = "receipt " + e.get("kind") + " " + e.get("number") + " of " + where;
            if (r == null) {
                problems.add(receipt + ": the row is missing (its kind or number was changed?)");
                continue;
            }
            compare(problems, receipt, "payment_id", r.get("payment_id"), id);
            compare(problems, receipt, "part", r.get("part"), e.get("part"));
            compare(problems, receipt, "mac", r.get("mac"), e.get("mac"));
        }
    }

    private static void checkPurchase(Handle h, long seq, long id, Map<String, Object> event, List<String> problems) {
        String where = "gas purchase " + id + " (journal event " + seq + ")";
        Map<String, Object> row = h.createQuery(
                "SELECT card_serial, purchase_no, volume_m3, amount_fen, payment_id FROM gas_purchase WHERE id = :id")
                .bind("id", id).mapToMap().findOne().orElse(null);
        if (row == null) {
            problems.add(where + ": the row is missing");
            return;
        }
        compare(problems, where, "card_serial", row.get("card_serial"), event.get("cardSerial"));
        compare(problems, where, "purchase_no", row.get("purchase_no"), event.get("purchaseNo"));
        compare(problems, where, "volume_m3", row.get("volume_m3"), event.get("volumeM3"));
        compare(problems, where, "amount_fen", row.get("amount_fen"), event.getOrDefault("amountFen", 0L));
        if (event.containsKey("paymentId")) {
            compare(problems, where, "payment_id", row.get("payment_id"), event.get("paymentId"));
        }
    }

    private static void compare(List<String> problems, String where, String field, Object table, Object journal) {
        if (!same(table, journal)) {
            problems.add(where + ": " + field + " is " + table + " in the table but " + journal + " in the journal");
        }
    }

    private static boolean same(Object table, Object journal) {
        if (table instanceof Number a && journal instanceof Number b) {
            return a.longValue() == b.longValue();
        }
        return Objects.equals(table == null ? null : table.toString(), journal == null ? null : journal.toString());
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String payload) {
        try {
            return JSON.readValue(payload, HashMap.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
