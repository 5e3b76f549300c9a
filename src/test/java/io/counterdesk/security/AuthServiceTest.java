package io.counterdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.counterdesk.persistence.JournalEvent;
import io.counterdesk.persistence.TestDatabase;
import io.counterdesk.shared.BusinessException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthServiceTest {

    private static final String CASHIER_PASSWORD = "wang2025a";
    private static final String MANAGER_PASSWORD = "zhang2025m";
    private static final String ADMIN_PASSWORD = "chen2025x";

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private AuthService auth;
    private Operator cashier;
    private Operator manager;
    private Operator admin;

    @BeforeEach
    void addStaff() {
        cashier = db.addOperator("1001", "王伟", Role.CASHIER, CASHIER_PASSWORD);
        manager = db.addOperator("2001", "张敏", Role.MANAGER, MANAGER_PASSWORD);
        admin = db.addOperator("9001", "陈静", Role.ADMIN, ADMIN_PASSWORD);
        auth = db.auth();
    }

    private static BusinessException refusal(Runnable action) {
        return catchThrowableOfType(BusinessException.class, action::run);
    }

    private BusinessException loginRefused(String staffNo, String password) {
        return refusal(() -> auth.login(staffNo, password.toCharArray()));
    }

    private Operator reload(String staffNo) {
        return db.database().read(tx -> new OperatorRepository().findByStaffNo(tx, staffNo)).orElseThrow();
    }

    private String storedHash(Operator operator) {
        return db.database().read(tx -> new OperatorRepository().passwordHash(tx, operator.id()));
    }

    @Nested
    class LogIn {

        @Test
        void rightPasswordLogsInAndJournalsLogin() {
            Operator loggedIn = auth.login("1001", CASHIER_PASSWORD.toCharArray());

            assertThat(loggedIn.staffNo()).isEqualTo("1001");
            assertThat(loggedIn.name()).isEqualTo("王伟");
            assertThat(loggedIn.role()).isEqualTo(Role.CASHIER);
            JournalEvent login = db.events("LOGIN").get(0);
            assertThat(login.staffNo()).isEqualTo("1001");
            assertThat(login.payload()).isEqualTo("{\"role\":\"CASHIER\"}");
            assertThat(db.verifyChain().isIntact()).isTrue();
        }

        @Test
        void staffNumberIsTrimmed() {
            assertThat(auth.login(" 1001 ", CASHIER_PASSWORD.toCharArray()).staffNo()).isEqualTo("1001");
        }

        @Test
        void passwordArrayIsWipedAfterUse() {
            char[] password = CASHIER_PASSWORD.toCharArray();

            auth.login("1001", password);

            assertThat(new String(password)).isEqualTo("\0".repeat(CASHIER_PASSWORD.length()));
        }

        @Test
        void unknownStaffNumberAndWrongPasswordGiveTheSameMessage() {
            BusinessException unknown = loginRefused("1999", CASHIER_PASSWORD);
            BusinessException wrongPassword = loginRefused("1001", "wrong2025a");

            assertThat(wrongPassword.key()).isEqualTo(unknown.key()).isEqualTo("security.login.failed");
            assertThat(wrongPassword.getMessage()).isEqualTo(unknown.getMessage());
        }

        @Test
        void unknownStaffNumberIsJournaled() {
            loginRefused("1999", CASHIER_PASSWORD);

            assertThat(db.events("LOGIN_FAILED")).singleElement()
                    .satisfies(e -> assertThat(e.payload()).contains("\"reason\":\"unknown\""));
        }

        @Test
        void overlongStaffNumberIsRefusedLikeAnyUnknownOne() {
            BusinessException refused = loginRefused("1".repeat(40), CASHIER_PASSWORD);

            assertThat(refused.key()).isEqualTo("security.login.failed");
            assertThat(db.events("LOGIN_FAILED")).hasSize(1);
        }

        @Test
        void emptyStaffNumberOrPasswordIsRefusedWithoutCounting() {
            assertThat(loginRefused("", CASHIER_PASSWORD).key()).isEqualTo("security.login.empty");
            assertThat(loginRefused("1001", "").key()).isEqualTo("security.login.empty");
            assertThat(refusal(() -> auth.login(null, null)).key()).isEqualTo("security.login.empty");
            assertThat(reload("1001").failedAttempts()).isZero();
        }

        @Test
        void failedAttemptIsCommittedBeforeTheRefusal() {
            loginRefused("1001", "wrong2025a");

            db.reopen();
            assertThat(reload("1001").failedAttempts()).isEqualTo(1);
            assertThat(db.events("LOGIN_FAILED")).singleElement()
                    .satisfies(e -> assertThat(e.payload()).contains("\"failures\":1"));
        }

        @Test
        void successfulLoginClearsTheFailureCount() {
            loginRefused("1001", "wrong2025a");
            loginRefused("1001", "wrong2025b");

            auth.login("1001", CASHIER_PASSWORD.toCharArray());

            assertThat(reload("1001").failedAttempts()).isZero();
        }

        @Test
        void inactiveOperatorIsRefusedEvenWithTheRightPassword() {
            db.execute("UPDATE operator SET active = FALSE WHERE staff_no = '1001'");

            assertThat(loginRefused("1001", CASHIER_PASSWORD).key()).isEqualTo("security.login.inactive");
        }

        @Test
        void inactiveOperatorWithAWrongPasswordLooksLikeAnUnknownOne() {
            db.execute("UPDATE operator SET active = FALSE WHERE staff_no = '1001'");

            assertThat(loginRefused("1001", "wrong2025a").key()).isEqualTo("security.login.failed");
        }

        @Test
        void loginRehashesAPasswordStoredWithFewerIterations() {
            AuthService stronger = new AuthService(db.database(), db.journal(), new PasswordHasher(2_000));

            stronger.login("1001", CASHIER_PASSWORD.toCharArray());

            assertThat(storedHash(cashier)).startsWith("pbkdf2-sha256$2000$");
            assertThat(stronger.login("1001", CASHIER_PASSWORD.toCharArray()).id()).isEqualTo(cashier.id());
        }
    }

    @Nested
    class Lockout {

        private void failTimes(int times) {
            for (int i = 0; i < times; i++) {
                loginRefused("1001", "wrong2025a");
            }
        }

        @Test
        void locksOperatorAfterFiveWrongPasswords() {
            failTimes(AuthService.MAX_FAILED_ATTEMPTS - 1);
            assertThat(reload("1001").isLockedAt(db.clock().instant())).isFalse();
            assertThat(reload("1001").failedAttempts()).isEqualTo(4);

            BusinessException fifth = loginRefused("1001", "wrong2025a");

            assertThat(fifth.key()).isEqualTo("security.login.lockedNow");
            assertThat(fifth.args()).containsExactly(15L);
            assertThat(reload("1001").lockedUntil()).isEqualTo(TestDatabase.START.plus(Duration.ofMinutes(15)));
            assertThat(db.events("OPERATOR_LOCKED")).singleElement()
                    .satisfies(e -> assertThat(e.payload()).contains("\"failures\":5"));
        }

        @Test
        void lockoutSurvivesARestartOfTheProgram() {
            failTimes(5);

            db.reopen();
            AuthService afterRestart = db.auth();

            BusinessException refused = refusal(() -> afterRestart.login("1001", CASHIER_PASSWORD.toCharArray()));
            assertThat(refused.key()).isEqualTo("security.login.locked");
        }

        @Test
        void lockedOperatorIsRefusedWithTheRightPasswordUntilFifteenMinutesHavePassed() {
            failTimes(5);

            BusinessException atOnce = loginRefused("1001", CASHIER_PASSWORD);
            assertThat(atOnce.key()).isEqualTo("security.login.locked");
            assertThat(atOnce.args()).containsExactly(15L);

            db.clock().advance(Duration.ofMinutes(14).plusSeconds(1));
            BusinessException nearlyOver = loginRefused("1001", CASHIER_PASSWORD);
            assertThat(nearlyOver.key()).isEqualTo("security.login.locked");
            assertThat(nearlyOver.args()).containsExactly(1L);

            db.clock().advance(Duration.ofSeconds(59));
            assertThat(auth.login("1001", CASHIER_PASSWORD.toCharArray()).lockedUntil()).isNull();
        }

        @Test
        void attemptsWhileLockedDoNotExtendTheLock() {
            failTimes(5);
            db.clock().advance(Duration.ofMinutes(10));

            failTimes(3);

            assertThat(reload("1001").lockedUntil()).isEqualTo(TestDatabase.START.plus(Duration.ofMinutes(15)));
        }

        @Test
        void administratorCanLiftALockout() {
            failTimes(5);

            auth.unlock(admin, "1001");

            assertThat(auth.login("1001", CASHIER_PASSWORD.toCharArray()).staffNo()).isEqualTo("1001");
            assertThat(db.events("OPERATOR_UNLOCKED")).singleElement()
                    .satisfies(e -> assertThat(e.staffNo()).isEqualTo("9001"));
        }

        @Test
        void managerCannotLiftALockout() {
            failTimes(5);

            assertThat(refusal(() -> auth.unlock(manager, "1001")).key()).isEqualTo("security.permission.denied");
        }
    }

    @Nested
    class Passwords {

        private BusinessException changeRefused(String current, String replacement) {
            return refusal(() -> auth.changePassword(cashier, current.toCharArray(), replacement.toCharArray()));
        }

        @Test
        void changedPasswordReplacesTheOldOne() {
            auth.changePassword(cashier, CASHIER_PASSWORD.toCharArray(), "newpass2025".toCharArray());

            assertThat(auth.login("1001", "newpass2025".toCharArray()).mustChangePassword()).isFalse();
            assertThat(loginRefused("1001", CASHIER_PASSWORD).key()).isEqualTo("security.login.failed");
            assertThat(db.events("PASSWORD_CHANGED")).hasSize(1);
        }

        @Test
        void refusesATooShortPassword() {
            BusinessException refused = changeRefused(CASHIER_PASSWORD, "abc1234");

            assertThat(refused.key()).isEqualTo("security.password.tooShort");
            assertThat(refused.args()).containsExactly(8);
        }

        @Test
        void refusesAPasswordWithoutADigit() {
            assertThat(changeRefused(CASHIER_PASSWORD, "abcdefghij").key()).isEqualTo("security.password.weak");
        }

        @Test
        void refusesAPasswordWithoutALetter() {
            assertThat(changeRefused(CASHIER_PASSWORD, "1234567890").key()).isEqualTo("security.password.weak");
        }

        @Test
        void refusesTheSamePasswordAgain() {
            assertThat(changeRefused(CASHIER_PASSWORD, CASHIER_PASSWORD).key()).isEqualTo("security.password.same");
        }

        @Test
        void refusesAWrongCurrentPassword() {
            assertThat(changeRefused("notmine2025", "newpass2025").key()).isEqualTo("security.password.currentWrong");
            assertThat(auth.login("1001", CASHIER_PASSWORD.toCharArray()).staffNo()).isEqualTo("1001");
            assertThat(db.events("PASSWORD_CHANGED")).isEmpty();
        }

        @Test
        void wrongCurrentPasswordCountsTowardsLockout() {
            for (int i = 0; i < AuthService.MAX_FAILED_ATTEMPTS - 1; i++) {
                assertThat(changeRefused("guess" + i + "abc", "newpass2025").key())
                        .isEqualTo("security.password.currentWrong");
            }

            assertThat(changeRefused("guess9abc", "newpass2025").key()).isEqualTo("security.login.lockedNow");
            assertThat(changeRefused(CASHIER_PASSWORD, "newpass2025").key()).isEqualTo("security.login.locked");
            assertThat(loginRefused("1001", CASHIER_PASSWORD).key()).isEqualTo("security.login.locked");
            assertThat(db.events("OPERATOR_LOCKED")).singleElement()
                    .satisfies(e -> assertThat(e.payload()).contains("\"purpose\":\"PASSWORD_CHANGE\""));
        }

        @Test
        void bothPasswordArraysAreWipedEvenWhenRefused() {
            char[] current = CASHIER_PASSWORD.toCharArray();
            char[] replacement = "short1".toCharArray();

            refusal(() -> auth.changePassword(cashier, current, replacement));

            assertThat(current).containsOnly('\0');
            assertThat(replacement).containsOnly('\0');
        }
    }

    @Nested
    class Operators {

        @Test
        void administratorCreatesAnOperatorWhoMustChangeThePassword() {
            Operator created = auth.createOperator(admin, "1002", "李娜", Role.CASHIER, "initial2025".toCharArray());

            assertThat(created.mustChangePassword()).isTrue();
            assertThat(created.active()).isTrue();
            assertThat(auth.login("1002", "initial2025".toCharArray()).mustChangePassword()).isTrue();
            assertThat(db.events("OPERATOR_CREATED")).last()
                    .satisfies(e -> {
                        assertThat(e.staffNo()).isEqualTo("9001");
                        assertThat(e.subject()).isEqualTo("1002");
                    });
        }

        @Test
        void cashierMayNotCreateOperators() {
            BusinessException refused = refusal(
                    () -> auth.createOperator(cashier, "1002", "李娜", Role.CASHIER, "initial2025".toCharArray()));

            assertThat(refused.key()).isEqualTo("security.permission.denied");
            Optional<Operator> notCreated = db.database().read(tx -> new OperatorRepository().findByStaffNo(tx, "1002"));
            assertThat(notCreated).isEmpty();
        }

        @Test
        void managerMayNotCreateOperators() {
            assertThat(refusal(() -> auth.createOperator(manager, "1002", "李娜", Role.CASHIER,
                    "initial2025".toCharArray())).key()).isEqualTo("security.permission.denied");
        }

        @Test
        void refusesADuplicateStaffNumber() {
            BusinessException refused = refusal(
                    () -> auth.createOperator(admin, "1001", "王伟二", Role.CASHIER, "initial2025".toCharArray()));

            assertThat(refused.key()).isEqualTo("security.operator.exists");
        }

        @Test
        void refusesAnInvalidStaffNumberOrEmptyName() {
            assertThat(refusal(() -> auth.createOperator(admin, "1", "李娜", Role.CASHIER,
                    "initial2025".toCharArray())).key()).isEqualTo("security.operator.staffNoInvalid");
            assertThat(refusal(() -> auth.createOperator(admin, "10-02", "李娜", Role.CASHIER,
                    "initial2025".toCharArray())).key()).isEqualTo("security.operator.staffNoInvalid");
            assertThat(refusal(() -> auth.createOperator(admin, "1002", " ", Role.CASHIER,
                    "initial2025".toCharArray())).key()).isEqualTo("security.operator.nameRequired");
        }

        @Test
        void refusesAWeakInitialPassword() {
            assertThat(refusal(() -> auth.createOperator(admin, "1002", "李娜", Role.CASHIER,
                    "12345678".toCharArray())).key()).isEqualTo("security.password.weak");
        }

        @Test
        void firstAdministratorOnlyOnAnEmptyDatabase() {
            BusinessException refused = refusal(() -> auth.createFirstAdmin("9002", "刘洋", "admin2025".toCharArray()));

            assertThat(refused.key()).isEqualTo("security.operator.firstAdminExists");
        }
    }

    @Nested
    class Approver {

        @Test
        void managerWithTheRightPasswordGrantsApproval() {
            ApprovalGrant grant = auth.authoriseApprover(cashier, "2001", MANAGER_PASSWORD.toCharArray());

            assertThat(grant.approver().id()).isEqualTo(manager.id());
            assertThat(grant.grantedAt()).isEqualTo(TestDatabase.START);
            assertThat(db.events("APPROVER_CHECK")).singleElement()
                    .satisfies(e -> assertThat(e.staffNo()).isEqualTo("2001"));
        }

        @Test
        void cashierCannotApprove() {
            Operator otherCashier = db.addOperator("1002", "李娜", Role.CASHIER, "lina2025a");

            BusinessException refused = refusal(
                    () -> auth.authoriseApprover(cashier, "1002", "lina2025a".toCharArray()));

            assertThat(refused.key()).isEqualTo("security.approval.notManager");
            assertThat(refused.args()).containsExactly(otherCashier.label());
        }

        @Test
        void administratorCannotApprove() {
            assertThat(refusal(() -> auth.authoriseApprover(cashier, "9001", ADMIN_PASSWORD.toCharArray())).key())
                    .isEqualTo("security.approval.notManager");
        }

        @Test
        void managerCannotApproveOwnBusiness() {
            BusinessException refused = refusal(
                    () -> auth.authoriseApprover(manager, "2001", MANAGER_PASSWORD.toCharArray()));

            assertThat(refused.key()).isEqualTo("security.approval.selfApproval");
        }

        @Test
        void wrongApproverPasswordCountsTowardsTheApproversLockout() {
            for (int i = 0; i < AuthService.MAX_FAILED_ATTEMPTS - 1; i++) {
                assertThat(refusal(() -> auth.authoriseApprover(cashier, "2001", "guess2025".toCharArray())).key())
                        .isEqualTo("security.login.failed");
            }
            assertThat(reload("2001").failedAttempts()).isEqualTo(4);

            BusinessException fifth = refusal(() -> auth.authoriseApprover(cashier, "2001", "guess2025".toCharArray()));

            assertThat(fifth.key()).isEqualTo("security.login.lockedNow");
            assertThat(loginRefused("2001", MANAGER_PASSWORD).key()).isEqualTo("security.login.locked");
            assertThat(db.events("LOGIN_FAILED")).allSatisfy(
                    e -> assertThat(e.payload()).contains("\"purpose\":\"APPROVER_CHECK\""));
        }
    }

    @Test
    void permissionCheckRefusesNobodyAndInactiveOperators() {
        Operator inactive = new Operator(cashier.id(), "1001", "王伟", Role.CASHIER, false, false, 0, null);

        assertThatThrownBy(() -> AuthService.require(null, Permission.LOOKUP)).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> AuthService.require(inactive, Permission.LOOKUP)).isInstanceOf(BusinessException.class);
        AuthService.require(cashier, Permission.OPEN_TILL);
        assertThat(Arrays.stream(Permission.values()).filter(admin::may))
                .containsExactlyInAnyOrder(Permission.LOOKUP, Permission.MANAGE_OPERATORS, Permission.CONFIGURE);
    }
}
