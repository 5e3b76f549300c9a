package io.counterdesk.security;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.BusinessException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Log-in, lockout, password changes, operator administration and approver checks.
 *
 * <p>A failed log-in is committed (the failure counter and any lockout survive) before the refusal
 * is thrown. Unknown 工号 and wrong password give the same message, so staff numbers cannot be
 * probed.
 */
public final class AuthService {

    public static final int MAX_FAILED_ATTEMPTS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    static final int MIN_PASSWORD_LENGTH = 8;
    /** The longest 工号 (the {@code operator.staff_no} and {@code journal.staff_no} columns). */
    static final int STAFF_NO_MAX_LENGTH = 16;

    private final Database database;
    private final Journal journal;
    private final PasswordHasher hasher;
    private final OperatorRepository operators = new OperatorRepository();
    private final Sessions sessions;
    /** Compared against when the 工号 is unknown, so that takes as long as a wrong password. */
    private volatile String dummyHash;

    public AuthService(Database database, Journal journal, PasswordHasher hasher) {
        this.database = database;
        this.journal = journal;
        this.hasher = hasher;
        this.sessions = new Sessions(database);
    }

    /** The log-in sessions this service issues. */
    public Sessions sessions() {
        return sessions;
    }

    /**
     * Checks 工号 and password; returns the operator carrying a new session (ADR 0013) or throws a
     * refusal the cashier can read.
     */
    public Operator login(String staffNo, char[] password) {
        try {
            Outcome outcome = database.inTransaction(tx -> {
                Outcome checked = checkCredentials(tx, staffNo, password, "LOGIN");
                return checked.refusal() != null ? checked : Outcome.accepted(sessions.open(tx, checked.operator()));
            });
            Operator operator = outcome.accept();
            sessions.activate(operator);
            return operator;
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    /**
     * The manager-approval step: a second operator enters their own credentials. Failed attempts
     * count towards that operator's lockout like a failed log-in.
     */
    public ApprovalGrant authoriseApprover(Operator requester, String staffNo, char[] password) {
        try {
            Operator asking = Sessions.current(requester);
            Outcome outcome = database.inTransaction(tx -> checkCredentials(tx, staffNo, password, "APPROVER_CHECK"));
            Operator approver = outcome.accept();
            if (!approver.may(Permission.APPROVE)) {
                throw new BusinessException("security.approval.notManager", approver.label());
            }
            if (approver.id() == asking.id()) {
                throw new BusinessException("security.approval.selfApproval");
            }
            return new ApprovalGrant(approver, database.clock().instant(), asking.id(), Sessions.newToken());
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    /**
     * A second operator confirms their presence with their own credentials (e.g. the cashier who
     * takes over receipt stock). Any active operator may confirm; failures count towards lockout.
     */
    public OperatorConfirmation confirmOperator(String staffNo, char[] password) {
        try {
            Outcome outcome = database.inTransaction(tx -> checkCredentials(tx, staffNo, password, "CONFIRMATION"));
            return new OperatorConfirmation(outcome.accept(), database.clock().instant(), sessions);
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    private Outcome checkCredentials(Tx tx, String staffNo, char[] password, String purpose) {
        String cleanStaffNo = staffNo == null ? "" : staffNo.strip();
        if (cleanStaffNo.isEmpty() || password == null || password.length == 0) {
            return Outcome.refused(new BusinessException("security.login.empty"));
        }
        Optional<Operator> found = operators.lockByStaffNo(tx, cleanStaffNo);
        if (found.isEmpty()) {
            // as long as a wrong password takes, so the time does not tell which 工号 exist
            hasher.matches(password, dummyHash());
            // whatever was typed is journaled, cut to what the journal's columns hold
            String typed = cleanStaffNo.length() > STAFF_NO_MAX_LENGTH
                    ? cleanStaffNo.substring(0, STAFF_NO_MAX_LENGTH) : cleanStaffNo;
            journal.append(tx, typed, "LOGIN_FAILED", typed, Map.of("purpose", purpose, "reason", "unknown"));
            return Outcome.refused(new BusinessException("security.login.failed"));
        }
        Operator operator = found.get();
        Instant now = tx.now();
        if (operator.isLockedAt(now)) {
            return Outcome.refused(locked(operator, now));
        }
        String stored = operators.passwordHash(tx, operator.id());
        if (!hasher.matches(password, stored)) {
            // the same refusal as for an unknown 工号, so staff numbers cannot be probed
            return Outcome.refused(recordWrongPassword(tx, operator, purpose)
                    .orElseGet(() -> new BusinessException("security.login.failed")));
        }
        // only someone who knows the password learns that the 工号 is deactivated
        if (!operator.active()) {
            return Outcome.refused(new BusinessException("security.login.inactive"));
        }
        operators.recordSuccess(tx, operator.id());
        if (hasher.needsRehash(stored)) {
            operators.updatePassword(tx, operator.id(), hasher.hash(password), operator.mustChangePassword());
        }
        journal.append(tx, operator.staffNo(), purpose, operator.staffNo(), Map.of("role", operator.role().name()));
        return Outcome.accepted(operators.findById(tx, operator.id()).orElseThrow());
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(Sessions.newToken().toCharArray());
            dummyHash = hash;
        }
        return hash;
    }

    /** The refusal for a locked operator, with the minutes left rounded up. */
    private static BusinessException locked(Operator operator, Instant now) {
        long secondsLeft = Duration.between(now, operator.lockedUntil()).toSeconds();
        long minutes = Math.max(1, (secondsLeft + 59) / 60);
        return new BusinessException("security.login.locked", minutes);
    }

    /**
     * Counts a wrong password against {@code operator} and journals it; at the fifth the operator is
     * locked and the lockout refusal is returned.
     */
    private Optional<BusinessException> recordWrongPassword(Tx tx, Operator operator, String purpose) {
        int failures = operator.failedAttempts() + 1;
        boolean lock = failures >= MAX_FAILED_ATTEMPTS;
        operators.recordFailure(tx, operator.id(), lock ? 0 : failures, lock ? tx.now().plus(LOCKOUT) : null);
        journal.append(tx, operator.staffNo(), lock ? "OPERATOR_LOCKED" : "LOGIN_FAILED", operator.staffNo(),
                Map.of("purpose", purpose, "reason", "password", "failures", failures));
        return lock ? Optional.of(new BusinessException("security.login.lockedNow", LOCKOUT.toMinutes()))
                : Optional.empty();
    }

    /**
     * Changes the operator's own password after checking the current one. A wrong current password
     * counts towards lockout like a failed log-in, so a screen left logged in cannot be used to guess it.
     *
     * @return the operator as now stored (no longer obliged to change the password): use it from
     *         here on, the old object still says {@link Operator#mustChangePassword()}
     */
    public Operator changePassword(Operator operator, char[] current, char[] replacement) {
        try {
            checkPolicy(replacement);
            if (java.util.Arrays.equals(current, replacement)) {
                throw new BusinessException("security.password.same");
            }
            Outcome outcome = database.inTransaction(tx -> {
                Operator fresh = operators.lockByStaffNo(tx, operator.staffNo())
                        .orElseThrow(() -> new BusinessException("security.operator.unknown", operator.staffNo()));
                if (fresh.isLockedAt(tx.now())) {
                    return Outcome.refused(locked(fresh, tx.now()));
                }
                String stored = operators.passwordHash(tx, fresh.id());
                if (!hasher.matches(current, stored)) {
                    return Outcome.refused(recordWrongPassword(tx, fresh, "PASSWORD_CHANGE")
                            .orElseGet(() -> new BusinessException("security.password.currentWrong")));
                }
                operators.recordSuccess(tx, fresh.id());
                operators.updatePassword(tx, operator.id(), hasher.hash(replacement), false);
                journal.append(tx, operator.staffNo(), "PASSWORD_CHANGED", operator.staffNo(), Map.of());
                return Outcome.accepted(operators.findById(tx, operator.id()).orElseThrow()
                        .withSession(operator.sessionToken()));
            });
            return outcome.accept();
        } finally {
            PasswordHasher.wipe(current);
            PasswordHasher.wipe(replacement);
        }
    }

    /** An administrator adds an operator, who must change the initial password at first log-in. */
    public Operator createOperator(Operator admin, String staffNo, String name, Role role, char[] initialPassword) {
        Operator actor = require(admin, Permission.MANAGE_OPERATORS);
        return database.inTransaction(tx -> insertOperator(tx, actor.staffNo(), staffNo, name, role, initialPassword, true));
    }

    /**
     * Creates the first administrator of an empty database (the {@code init} command). Refused once
     * any operator exists.
     */
    public Operator createFirstAdmin(String staffNo, String name, char[] password) {
        return database.inTransaction(tx -> createFirstAdmin(tx, staffNo, name, password));
    }

    /**
     * As {@link #createFirstAdmin(String, String, char[])}, inside the caller's transaction: {@code init}
     * registers the terminal in the same one, so a refused administrator leaves no half-set-up database.
     */
    public Operator createFirstAdmin(Tx tx, String staffNo, String name, char[] password) {
        if (operators.count(tx) > 0) {
            throw new BusinessException("security.operator.firstAdminExists");
        }
        return insertOperator(tx, staffNo, staffNo, name, Role.ADMIN, password, false);
    }

    /** Inserts an operator inside an existing transaction (demo data, first admin). */
    public Operator insertOperator(Tx tx, String actorStaffNo, String staffNo, String name, Role role, char[] password,
                                   boolean mustChange) {
        if (staffNo == null || !staffNo.matches("[0-9A-Za-z]{2," + STAFF_NO_MAX_LENGTH + "}")) {
            throw new BusinessException("security.operator.staffNoInvalid");
        }
        if (name == null || name.isBlank()) {
            throw new BusinessException("security.operator.nameRequired");
        }
        checkPolicy(password);
        if (operators.findByStaffNo(tx, staffNo).isPresent()) {
            throw new BusinessException("security.operator.exists", staffNo);
        }
        long id = operators.insert(tx, staffNo, name.strip(), role, hasher.hash(password), mustChange);
        journal.append(tx, actorStaffNo, "OPERATOR_CREATED", staffNo, Map.of("name", name.strip(), "role", role.name()));
        return operators.findById(tx, id).orElseThrow();
    }

    /** An administrator lifts a lockout before it expires. */
    public void unlock(Operator admin, String staffNo) {
        Operator actor = require(admin, Permission.MANAGE_OPERATORS);
        database.inTransaction(tx -> {
            Operator target = operators.lockByStaffNo(tx, staffNo)
                    .orElseThrow(() -> new BusinessException("security.operator.unknown", staffNo));
            operators.recordSuccess(tx, target.id());
            journal.append(tx, actor.staffNo(), "OPERATOR_UNLOCKED", staffNo, Map.of());
            return null;
        });
    }

    /**
     * Throws unless the live session {@code operator} carries belongs to an operator who, as the
     * database has them now, holds {@code permission}; returns that operator. Services call this
     * first ({@link Sessions#require}: the role and flags of the object handed in are never used).
     */
    public static Operator require(Operator operator, Permission permission) {
        return Sessions.require(operator, permission);
    }

    /** Records that the operator left the counter (log out / lock, Ctrl+L) and ends the session. */
    public void logout(Operator operator) {
        database.inTransaction(tx -> {
            sessions.end(tx, operator);
            return journal.append(tx, operator.staffNo(), "LOGOUT", operator.staffNo(), Map.of());
        });
    }

    static void checkPolicy(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new BusinessException("security.password.tooShort", MIN_PASSWORD_LENGTH);
        }
        boolean letter = false;
        boolean digit = false;
        for (char c : password) {
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        if (!letter || !digit) {
            throw new BusinessException("security.password.weak");
        }
    }

    /** A credential check's result, carried out of the transaction so a refusal still commits. */
    private record Outcome(Operator operator, BusinessException refusal) {
        static Outcome accepted(Operator operator) {
            return new Outcome(operator, null);
        }

        static Outcome refused(BusinessException refusal) {
            return new Outcome(null, refusal);
        }

        Operator accept() {
            if (refusal != null) {
                throw refusal;
            }
            return operator;
        }
    }
}
