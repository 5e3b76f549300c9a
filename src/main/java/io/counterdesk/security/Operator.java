package io.counterdesk.security;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who logs in: 工号 (staff number), name and role. Never carries the password.
 *
 * <p>An operator returned by {@link AuthService#login} also carries the session token issued at
 * log-in. Services never trust the role or flags of the object they are handed: {@link Sessions}
 * looks the token up and loads the operator from the database. An {@code Operator} made by hand has
 * no token and is refused by every service. The token takes no part in {@code equals}.
 */
public final class Operator {

    private final long id;
    private final String staffNo;
    private final String name;
    private final Role role;
    private final boolean active;
    private final boolean mustChangePassword;
    private final int failedAttempts;
    private final Instant lockedUntil;
    private final String sessionToken;

    public Operator(long id, String staffNo, String name, Role role, boolean active,
                    boolean mustChangePassword, int failedAttempts, Instant lockedUntil) {
        this(id, staffNo, name, role, active, mustChangePassword, failedAttempts, lockedUntil, null);
    }

    Operator(long id, String staffNo, String name, Role role, boolean active, boolean mustChangePassword,
             int failedAttempts, Instant lockedUntil, String sessionToken) {
        this.id = id;
        this.staffNo = Objects.requireNonNull(staffNo);
        this.name = Objects.requireNonNull(name);
        this.role = Objects.requireNonNull(role);
        this.active = active;
        this.mustChangePassword = mustChangePassword;
        this.failedAttempts = failedAttempts;
        this.lockedUntil = lockedUntil;
        this.sessionToken = sessionToken;
    }

    /** The same operator carrying {@code token} (only {@link Sessions} issues one). */
    Operator withSession(String token) {
        return new Operator(id, staffNo, name, role, active, mustChangePassword, failedAttempts, lockedUntil, token);
    }

    public long id() {
        return id;
    }

    public String staffNo() {
        return staffNo;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public boolean active() {
        return active;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** The session token of a logged-in operator, or null (package-private: nobody outside needs it). */
    String sessionToken() {
        return sessionToken;
    }

    /**
     * What this object says about the operator, for screens deciding which keys to offer. Services
     * decide with {@link Sessions#allows} / {@link AuthService#require}, never with this.
     */
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Operator other && id == other.id && active == other.active
                && mustChangePassword == other.mustChangePassword && failedAttempts == other.failedAttempts
                && staffNo.equals(other.staffNo) && name.equals(other.name) && role == other.role
                && Objects.equals(lockedUntil, other.lockedUntil);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, staffNo, name, role, active, mustChangePassword, failedAttempts, lockedUntil);
    }

    /** As a record would print it, without the session token. */
    @Override
    public String toString() {
        return "Operator[id=" + id + ", staffNo=" + staffNo + ", name=" + name + ", role=" + role + ", active=" + active
                + ", mustChangePassword=" + mustChangePassword + ", failedAttempts=" + failedAttempts
                + ", lockedUntil=" + lockedUntil + "]";
    }
}
