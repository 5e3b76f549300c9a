package io.counterdesk.security;

import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.Tx;
import io.counterdesk.shared.BusinessException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Log-in sessions: the one place a service asks "may the person behind this {@link Operator} do
 * this?" (ADR 0013).
 *
 * <p>At log-in {@link AuthService} opens a session: a random 128-bit token, handed back inside the
 * {@code Operator}, whose SHA-256 is stored in {@code operator_session} (the database file holds no
 * usable token) and kept in this program's memory with the database it belongs to. {@link #require}
 * looks the token up, loads the operator <em>from the database</em> (role, active, lockout, password
 * change due) and decides with that, never with the role or flags of the object it is handed. A
 * hand-made {@code Operator}, a token of another operator, an ended session (log-out), one older than
 * {@link #LIFETIME} of running time, or one from before a restart is refused.
 */
public final class Sessions {

    /** A session ends at the latest this long after log-in (a shift and its close), on the program's own clock. */
    public static final Duration LIFETIME = Duration.ofHours(14);

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Live sessions of this program, by the token's hash: which database, which operator, until when. */
    private static final Map<String, Live> LIVE = new ConcurrentHashMap<>();

    private final Database database;
    private final OperatorRepository operators = new OperatorRepository();
    private final SessionRepository rows = new SessionRepository();

    private record Live(Sessions owner, long operatorId, long endsAtNanos) {
    }

    public Sessions(Database database) {
        this.database = database;
    }

    /**
     * Opens a session for {@code operator} inside the log-in's transaction; it becomes usable once
     * {@link #activate} is called after the commit.
     */
    Operator open(Tx tx, Operator operator) {
        String token = newToken();
        rows.insert(tx, hash(token), operator.id(), tx.now().plus(LIFETIME));
        return operator.withSession(token);
    }

    /** Makes a committed session usable. */
    void activate(Operator operator) {
        LIVE.put(hash(operator.sessionToken()), new Live(this, operator.id(), System.nanoTime() + LIFETIME.toNanos()));
    }

    /** Ends the session {@code operator} carries (log-out): in memory and, inside {@code tx}, in the table. */
    void end(Tx tx, Operator operator) {
        if (operator == null || operator.sessionToken() == null) {
            return;
        }
        String hash = hash(operator.sessionToken());
        LIVE.remove(hash);
        rows.end(tx, hash);
    }

    /** Forgets every session of this database (the program closes it). */
    public void closeAll() {
        LIVE.values().removeIf(live -> live.owner == this);
    }

    /**
     * The operator behind {@code operator}'s session as the database has it now, if the session is
     * live and the operator holds {@code permission}; otherwise a refusal the cashier can read.
     */
    public static Operator require(Operator operator, Permission permission) {
        Operator fresh = current(operator);
        if (!fresh.active() || !fresh.role().grants(permission)) {
            throw new BusinessException("security.permission.denied");
        }
        if (fresh.mustChangePassword()) {
            throw new BusinessException("security.password.mustChange");
        }
        return fresh;
    }

    /** The operator {@code operatorId} as the database has them now, if active, unlocked and holding {@code permission}. */
    Operator confirmed(long operatorId, Permission permission) {
        Operator fresh = database.read(tx -> operators.findById(tx, operatorId))
                .filter(o -> o.active() && !o.isLockedAt(database.clock().instant()))
                .orElseThrow(() -> new BusinessException("security.permission.denied"));
        if (!fresh.role().grants(permission)) {
            throw new BusinessException("security.permission.denied");
        }
        return fresh;
    }

    /** Whether {@code operator}'s live session belongs to someone who holds {@code permission} now. */
    public static boolean allows(Operator operator, Permission permission) {
        try {
            Operator fresh = current(operator);
            return fresh.active() && fresh.role().grants(permission);
        } catch (BusinessException refused) {
            return false;
        }
    }

    /** The operator of a live session, loaded from the database; refused when there is none. */
    static Operator current(Operator operator) {
        if (operator == null || operator.sessionToken() == null) {
            throw new BusinessException("security.session.none");
        }
        String hash = hash(operator.sessionToken());
        Live live = LIVE.get(hash);
        if (live == null || live.operatorId != operator.id()) {
            throw new BusinessException("security.session.none");
        }
        if (!live.owner.database.isOpen()) {
            // a session of a database closed since (the program restarted it): log in again
            LIVE.remove(hash);
            throw new BusinessException("security.session.none");
        }
        if (System.nanoTime() - live.endsAtNanos > 0) {
            LIVE.remove(hash);
            throw new BusinessException("security.session.expired");
        }
        Optional<Operator> found = live.owner.database.read(tx -> live.owner.load(tx, hash, operator.id()));
        Operator fresh = found.orElseThrow(() -> new BusinessException("security.session.none"));
        if (fresh.isLockedAt(live.owner.database.clock().instant())) {
            throw new BusinessException("security.session.locked");
        }
        return fresh.withSession(operator.sessionToken());
    }

    private Optional<Operator> load(Tx tx, String hash, long operatorId) {
        return rows.isOpen(tx, hash, operatorId) ? operators.findById(tx, operatorId) : Optional.empty();
    }

    /** 128 random bits as 32 hex digits. */
    static String newToken() {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
