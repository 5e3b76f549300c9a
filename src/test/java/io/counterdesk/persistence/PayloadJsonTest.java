package io.counterdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PayloadJsonTest {

    @Test
    void writesAPaymentPayloadAsJacksonDoes() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("paymentId", 42L);
        p.put("tillId", 7L);
        p.put("accountNo", "3300000001");
        p.put("lines", List.of(Map.of("kind", "FEE_ITEM", "billId", 0L, "amountFen", 2000L, "m3", 0L)));
        p.put("tenders", List.of());
        p.put("receipts", List.of(Map.of("kind", "RECEIPT", "number", 1L, "part", "WHOLE", "mac", "0A1B2C3D4E5F")));
        p.put("waiverApprovals", List.of(3L, 4L));
        p.put("changeToCredit", false);
        p.put("note", null);
        p.put("reason", "户主说：\"表坏了\"\\ 请查\n第二行\t\u0001\u001f\u007f\u2028😀");

        assertThat(PayloadJson.write(p)).isEqualTo(Journal.jacksonJson(p));
        assertThat(Journal.toJson(p)).isEqualTo(Journal.jacksonJson(p));
    }

    @Test
    void writesRandomPlainPayloadsAsJacksonDoes() {
        Random random = new Random(20261202);
        for (int i = 0; i < 2_000; i++) {
            Map<String, Object> payload = randomMap(random, 0);
            assertThat(PayloadJson.write(payload)).as("payload %s", payload).isEqualTo(Journal.jacksonJson(payload));
        }
    }

    @Test
    void leavesOtherKindsToJackson() {
        Map<String, Object> withDecimal = Map.of("rate", new BigDecimal("0.003"));
        Map<String, Object> withDate = Map.of("list", List.of(Map.of("day", LocalDate.of(2026, 12, 2))));
        Map<String, Object> withDouble = Map.of("x", 1.5);

        assertThat(PayloadJson.write(withDecimal)).isNull();
        assertThat(PayloadJson.write(withDate)).isNull();
        assertThat(PayloadJson.write(withDouble)).isNull();
        assertThat(Journal.toJson(withDecimal)).isEqualTo(Journal.jacksonJson(withDecimal)).isEqualTo("{\"rate\":0.003}");
        assertThat(Journal.toJson(withDouble)).isEqualTo("{\"x\":1.5}");
    }

    private static Map<String, Object> randomMap(Random random, int depth) {
        Map<String, Object> map = random.nextBoolean() ? new HashMap<>() : new LinkedHashMap<>();
        int size = random.nextInt(6);
        for (int i = 0; i < size; i++) {
            map.put(randomString(random), randomValue(random, depth + 1));
        }
        return map;
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 7 : 9);
        return switch (kind) {
            case 0 -> null;
            case 1 -> randomString(random);
            case 2 -> random.nextLong();
            case 3 -> random.nextInt();
            case 4 -> (short) random.nextInt();
            case 5 -> (byte) random.nextInt();
            case 6 -> random.nextBoolean();
            case 7 -> randomMap(random, depth);
            default -> {
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    /** Letters, digits, Chinese, every control character, quotes, backslashes, surrogate pairs. */
    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> s.append((char) random.nextInt(0x20));
                case 1 -> s.append("\"\\/'".charAt(random.nextInt(4)));
                case 2 -> s.append((char) (0x4E00 + random.nextInt(0x5000)));
                case 3 -> s.appendCodePoint(0x1F600 + random.nextInt(50));
                case 4 -> s.append((char) (0x7F + random.nextInt(0x60)));
                default -> s.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return s.toString();
    }
}
