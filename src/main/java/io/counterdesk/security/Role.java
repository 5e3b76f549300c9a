package io.counterdesk.security;

import java.util.EnumSet;
import java.util.Set;

/** What an operator is employed as. Each role grants a fixed set of permissions. */
public enum Role {
    /** 收费员/营业员: counter business. */
    CASHIER(EnumSet.of(Permission.OPEN_TILL, Permission.COUNTER_BUSINESS, Permission.LOOKUP)),
    /** 营业厅负责人/核对员: approves exceptions, checks tills, signs the hall's day off. */
    MANAGER(EnumSet.of(Permission.OPEN_TILL, Permission.COUNTER_BUSINESS, Permission.LOOKUP, Permission.APPROVE,
            Permission.SIGN_OFF)),
    /** 系统管理员: operators and configuration; no money. */
    ADMIN(EnumSet.of(Permission.LOOKUP, Permission.MANAGE_OPERATORS, Permission.CONFIGURE)),
    /** 外勤: card and meter checks in the field, offline payments. */
    FIELD(EnumSet.of(Permission.OPEN_TILL, Permission.COUNTER_BUSINESS, Permission.LOOKUP));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
