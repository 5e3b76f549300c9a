package io.counterdesk.account;

import io.counterdesk.shared.BusinessException;

/**
 * A structured address: district / street / community / building / unit / room
 * (区 / 路 / 小区 / 幢 / 单元 / 室). Building, unit and room are stored without their suffixes.
 */
public record Address(String district, String street, String community, String building, String unit, String room) {

    public Address {
        district = required(district, "account.address.district");
        street = required(street, "account.address.street");
        community = required(community, "account.address.community");
        building = required(building, "account.address.building");
        unit = unit == null ? "" : unit.strip();
        room = required(room, "account.address.room");
    }

    /** "西湖区文三路幸福小区3幢2单元501室", the form printed on receipts and searched. */
    public String text() {
        return district + street + community + building + "幢" + (unit.isEmpty() ? "" : unit + "单元") + room + "室";
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new BusinessException(key);
        }
        return value.strip();
    }
}
