package io.counterdesk.security;

import java.time.Instant;
import java.util.Objects;

/** A person who logs in: 工号 (staff number), name and role. Never carries the password. */
public record Operator(long id, String staffNo, String name, Role role, boolean active,
                       boolean mustChangePassword, int failedAttempts, Instant lockedUntil) {

    public Operator {
        Objects.requireNonNull(staffNo);
        Objects.requireNonNull(name);
        Objects.requireNonNull(role);
    }

    public boolean may(Permission permission) {
        return active && role.grants(permission);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** "1001 王伟" as shown in the status bar and on reports. */
    public String label() {
        return staffNo + " " + name;
    }
}
