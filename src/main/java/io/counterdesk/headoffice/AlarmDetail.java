package io.counterdesk.headoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.counterdesk.shared.I18n;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an alarm says, kept as a text key and its arguments ({@code ho.alarmDetail.*} in the
 * head-office bundle), so the page shows it in the reader's language: {@code ho_alarm.detail} holds
 * {@code {"key":…,"args":[…]}}. An argument is a string or another detail (a clause that is there or
 * not). Alarms stored before this (plain English) are shown as they are.
 */
record AlarmDetail(String key, List<Object> args) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "ho.alarmDetail.";

    static AlarmDetail of(String key, Object... args) {
        List<Object> list = new ArrayList<>();
        for (Object a : args) {
            list.add(a instanceof AlarmDetail ? a : String.valueOf(a));
        }
        return new AlarmDetail(key, List.copyOf(list));
    }

    /** The stored form (the column {@code ho_alarm.detail}). */
    String stored() {
        return node().toString();
    }

    /** In English: head office's answer to the terminal and its log (the terminal shows its own words). */
    String english() {
        return in(Locale.ENGLISH);
    }

    String in(Locale locale) {
        Object[] shown = new Object[args.size()];
        for (int i = 0; i < shown.length; i++) {
            Object a = args.get(i);
            shown[i] = a instanceof AlarmDetail d ? d.in(locale) : a;
        }
        return I18n.text(locale, PREFIX + key, shown);
    }

    /** A stored detail in {@code locale}: a keyed one translated, an older plain text as it is. */
    static String render(String stored, Locale locale) {
        if (stored == null || !stored.startsWith("{\"key\"")) {
            return stored == null ? "" : stored;
        }
        try {
            AlarmDetail d = parse(JSON.readTree(stored));
            return d == null ? stored : d.in(locale);
        } catch (IOException | RuntimeException e) {
            return stored;
        }
    }

    private ObjectNode node() {
        ObjectNode n = JSON.createObjectNode();
        n.put("key", key);
        ArrayNode a = n.putArray("args");
        for (Object o : args) {
            if (o instanceof AlarmDetail d) {
                a.add(d.node());
            } else {
                a.add((String) o);
            }
        }
        return n;
    }

    private static AlarmDetail parse(JsonNode n) {
        String key = n.path("key").asText("");
        if (key.isEmpty() || !I18n.has(I18n.CHINESE, PREFIX + key)) {
            return null;
        }
        List<Object> args = new ArrayList<>();
        for (JsonNode a : n.path("args")) {
            if (a.isObject()) {
                AlarmDetail inner = parse(a);
                if (inner == null) {
                    return null;
                }
                args.add(inner);
            } else {
                args.add(a.asText());
            }
        }
        return new AlarmDetail(key, List.copyOf(args));
    }
}
