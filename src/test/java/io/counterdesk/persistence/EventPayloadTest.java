package io.counterdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass payload reading against Jackson's tree (what every reader used before): on random
 * payloads of the journal's shapes it reads the same fields; on broken or unusual ones it either hands
 * over to the tree or reads the same; and whatever the tree refuses, it refuses.
 */
class EventPayloadTest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
            true);
    private static final String[] KINDS = {"PRINCIPAL", "LATE_FEE", "RECEIPT", "INVOICE", "WECHAT", "ALIPAY", "煤气费",
        "𠮷", ""};

    @Test
    void theJournalsPayloadsAreReadInOnePassAsTheTreeReadsThem() throws IOException {
        Random random = new Random(16);
        for (int i = 0; i < 10_000; i++) {
            String text = random.nextBoolean() ? JSON.writeValueAsString(payload(random)) : spaced(payload(random), random);
            EventPayload plain = EventPayload.plain(text);
            assertNotNull(plain, text);
            assertEquals(EventPayload.ofTree(JSON.readTree(text)), plain, text);
            assertEquals(plain, EventPayload.of(text), text);
        }
    }

    @Test
    void brokenOrUnusualPayloadsAreReadAsTheTreeReadsThemOrRefusedAsItRefusesThem() throws IOException {
        Random random = new Random(1616);
        int refusedByTheTree = 0;
        int handedToTheTree = 0;
        int readInOnePass = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = mutated(JSON.writeValueAsString(payload(random)), random);
            JsonNode tree;
            try {
                tree = JSON.readTree(text);
            } catch (IOException e) {
                refusedByTheTree++;
                assertNull(EventPayload.plain(text), text);
                assertThrows(IOException.class, () -> EventPayload.of(text), text);
                continue;
            }
            EventPayload plain = EventPayload.plain(text);
            if (plain == null) {
                handedToTheTree++;
            } else {
                readInOnePass++;
                assertEquals(EventPayload.ofTree(tree), plain, text);
            }
            assertEquals(EventPayload.ofTree(tree), EventPayload.of(text), text);
        }
        // each way was taken often, so each comparison above was made
        assertThat(refusedByTheTree).isGreaterThan(2_500);
        assertThat(handedToTheTree).isGreaterThan(1_000);
        assertThat(readInOnePass).isGreaterThan(2_500);
    }

    @Test
    void formsTheTreeReadsDifferentlyOrRefusesAreLeftToIt() throws IOException {
        List<String> cases = List.of(
                "", " ", "null", "[]", "{}", "{} ", "{}x", "{\"tillId\":1} {\"tillId\":2}", "{\"tillId\":1}}",
                "{\"tillId\":1,\"tillId\":2}", "{\"tillId\":\"7\"}", "{\"tillId\":7.9}", "{\"tillId\":1e2}", "{\"tillId\":-0}",
                "{\"tillId\":01}", "{\"tillId\":true}", "{\"tillId\":null}", "{\"tillId\":99999999999999999999}",
                "{\"till\\u0049d\":5}", "{\"amountFen\":1,}", "{\"lines\":{\"a\":{\"amountFen\":5}}}", "{\"lines\":[1,2]}",
                "{\"receipts\":{\"a\":1,\"b\":2}}", "{\"lines\":[{\"amountFen\":1,\"amountFen\":2}]}",
                "{\"accountNo\":\"a\\\"b\"}", "{\"accountNo\":5}", "{\"x\":\"\\u00３0\"}", "{\"x\":\"\\q\"}", "{\"x\":tru}",
                "{\"x\":truex}", "{\"x\":\"a\tb\"}", "{\"x\":[1,]}", "{\"x\":-}", "{\"x\":1.}", "{\"x\":.5}", "{\"x\":1e}",
                "{\u00a0\"tillId\":1}", "\ufeff{\"tillId\":1}", "{\"replacementNumber\":null}", "{'tillId':1}",
                "{\"x\":" + "[".repeat(600) + "]".repeat(600) + "}", "{\"x\":{\"" + "k".repeat(60_000) + "\":1}}",
                "{\"x\":" + "1".repeat(1_200) + "}");
        for (String text : cases) {
            JsonNode tree;
            try {
                tree = JSON.readTree(text);
            } catch (IOException e) {
                assertThat(EventPayload.plain(text)).as(text).isNull();
                continue;
            }
            EventPayload plain = EventPayload.plain(text);
            if (plain != null) {
                assertThat(plain).as(text).isEqualTo(EventPayload.ofTree(tree));
            }
            assertThat(EventPayload.of(text)).as(text).isEqualTo(EventPayload.ofTree(tree));
        }
        // the plain forms are read in one pass; what the tree would read otherwise is not
        assertThat(EventPayload.plain("{\"tillId\":-0,\"replacementNumber\":null}")).isNotNull();
        assertThat(EventPayload.plain("{\"tillId\":1,\"tillId\":2}")).isNull();
        assertThat(EventPayload.plain("{\"tillId\":1} x")).isNull();
        assertThat(EventPayload.of("{\"tillId\":1,\"tillId\":2}").tillId()).isEqualTo(2);
        assertThat(EventPayload.of("{\"tillId\":\"7\"}").tillId()).isEqualTo(7);
        assertThat(EventPayload.of("{\"lines\":{\"a\":{\"amountFen\":5}}}").linesArray()).isFalse();
        assertThat(EventPayload.of("{\"receipts\":{\"a\":1,\"b\":2}}").receiptCount()).isEqualTo(2);
    }

    /** A payload of one of the journal's shapes, with fields the readers pass over. */
    private static ObjectNode payload(Random r) {
        ObjectNode p = JSON.createObjectNode();
        switch (r.nextInt(6)) {
            case 0, 1 -> {
                p.put("paymentId", r.nextInt(1_000_000));
                p.put("tillId", r.nextInt(50));
                p.put("accountNo", String.format("%08d", r.nextInt(99_999_999)));
                p.put("cashReceivedFen", money(r));
                p.put("changeFen", money(r));
                p.put("creditUsedFen", money(r));
                p.put("voucherM3", r.nextInt(30));
                items(p.putArray("lines"), r, "amountFen", "kind", "billId", "m3");
                items(p.putArray("tenders"), r, "kind", "amountFen", "reference");
                items(p.putArray("receipts"), r, "kind", "number", "part", "mac");
            }
            case 2 -> {
                p.put("tillId", r.nextInt(50));
                p.put("businessDay", "2025-03-" + (10 + r.nextInt(18)));
                p.put("floatFen", money(r));
            }
            case 3 -> {
                p.put("tillId", r.nextInt(50));
                p.put("amountFen", money(r));
                p.put("bag", "袋" + r.nextInt(100));
            }
            case 4 -> {
                p.put("tillId", r.nextInt(50));
                p.put("expectedCashFen", money(r));
                p.put("countedCashFen", money(r));
                p.put("overShortFen", money(r) - money(r));
                p.putObject("notes").put("100", r.nextInt(20)).put("0.5", r.nextDouble());
            }
            default -> {
                p.put("paymentId", r.nextInt(1_000_000));
                if (r.nextBoolean()) {
                    p.put("replacementNumber", r.nextInt(100_000));
                }
                p.put("reason", "打印机卡纸 \"quoted\" \\ \n" + r.nextInt(9));
                p.putNull("approvedBy");
                p.put("flag", r.nextBoolean());
            }
        }
        return p;
    }

    private static void items(ArrayNode array, Random r, String... fields) {
        for (int i = r.nextInt(4); i > 0; i--) {
            ObjectNode item = array.addObject();
            for (String f : fields) {
                switch (f) {
                    case "kind", "part", "reference", "mac" -> item.put(f, KINDS[r.nextInt(KINDS.length)]);
                    case "m3" -> item.put(f, r.nextBoolean() ? r.nextInt(40) : r.nextInt(400) / 10.0);
                    default -> item.put(f, f.equals("amountFen") ? money(r) : r.nextInt(1_000_000));
                }
            }
        }
    }

    private static long money(Random r) {
        return r.nextInt(10) == 0 ? -r.nextInt(100_000) : r.nextInt(r.nextBoolean() ? 10_000 : Integer.MAX_VALUE);
    }

    /** The payload written with random spaces, tabs and line breaks between its tokens (still plain JSON). */
    private static String spaced(ObjectNode p, Random r) throws IOException {
        String compact = JSON.writeValueAsString(p);
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (!inString && "{}[],:".indexOf(c) >= 0 && r.nextInt(3) == 0) {
                out.append(" \t\n\r".charAt(r.nextInt(4)));
            }
            out.append(c);
            if (inString && c == '\\') {
                out.append(compact.charAt(++i)); // an escape: the next character is part of the string
            } else if (c == '"') {
                inString = !inString;
            }
        }
        return r.nextBoolean() ? " " + out + "\n" : out.toString();
    }

    private static final String[] INSERTS = {"{", "}", "[", "]", ",", ":", "\"", "\\", " ", "0", "1", "-", ".", "e", "x",
        "null", "true", "\"tillId\":3,", "\"lines\":[],", "\"receipts\":{},", "\"amountFen\":\"5\",", "\\u0041", "\t",
        "\u0001", "1.5", "\"kind\":\"A\","};

    /** One to three random edits: a character taken out, a token put in, a piece repeated or cut off. */
    private static String mutated(String text, Random r) {
        StringBuilder s = new StringBuilder(text);
        for (int k = 1 + r.nextInt(3); k > 0 && s.length() > 0; k--) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(5)) {
                case 0 -> s.deleteCharAt(at);
                case 1, 2 -> s.insert(at, INSERTS[r.nextInt(INSERTS.length)]);
                case 3 -> {
                    int to = Math.min(s.length(), at + 1 + r.nextInt(20));
                    s.insert(to, s.substring(at, to));
                }
                default -> s.setLength(r.nextInt(4) == 0 ? at : s.length()); // cut short now and then
            }
        }
        return s.toString();
    }
}
