package io.counterdesk.account;

import io.counterdesk.shared.I18n;
import io.counterdesk.shared.TextRules;

/**
 * A structured address: district / street / community / building / unit / room
 * (区 / 路 / 小区 / 幢 / 单元 / 室). Building, unit and room are stored without their suffixes.
 */
public record Address(String district, String street, String community, String building, String unit, String room) {

    public Address {
        district = required(district, "account.address.district", 30);
        street = required(street, "account.address.street", 50);
        community = required(community, "account.address.community", 50);
        building = required(building, "account.address.building", 10);
        unit = unit == null || unit.isBlank() ? "" : required(unit, "account.address.unit", 10);
        room = required(room, "account.address.room", 10);
    }

    /** "西湖区文三路幸福小区3幢2单元501室", the form printed on receipts and searched. */
    public String text() {
        return district + street + community + building + "幢" + (unit.isEmpty() ? "" : unit + "单元") + room + "室";
    }

    /** Stripped, visible, without control or bidi characters, within its column (V1). */
    private static String required(String value, String key, int column) {
        return TextRules.clean(value, key, I18n.text(key + "Label"), column);
    }
}
