package io.counterdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void hashedPasswordMatchesItself() {
        String stored = hasher.hash("secret123".toCharArray());

        assertThat(stored).startsWith("pbkdf2-sha256$1000$");
        assertThat(hasher.matches("secret123".toCharArray(), stored)).isTrue();
    }

    @Test
    void wrongPasswordDoesNotMatch() {
        String stored = hasher.hash("secret123".toCharArray());

        assertThat(hasher.matches("secret124".toCharArray(), stored)).isFalse();
        assertThat(hasher.matches("Secret123".toCharArray(), stored)).isFalse();
        assertThat(hasher.matches(new char[0], stored)).isFalse();
    }

    @Test
    void samePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
        String first = hasher.hash("secret123".toCharArray());
        String second = hasher.hash("secret123".toCharArray());

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.matches("secret123".toCharArray(), second)).isTrue();
    }

    @Test
    void chinesePasswordsRoundTrip() {
        String stored = hasher.hash("燃气营业厅2025".toCharArray());

        assertThat(hasher.matches("燃气营业厅2025".toCharArray(), stored)).isTrue();
        assertThat(hasher.matches("燃气营业厅2026".toCharArray(), stored)).isFalse();
    }

    @Test
    void hashMadeWithFewerIterationsNeedsRehashButStillMatches() {
        String old = hasher.hash("secret123".toCharArray());
        PasswordHasher stronger = new PasswordHasher(2_000);

        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(stronger.matches("secret123".toCharArray(), old)).isTrue();
        assertThat(hasher.needsRehash(old)).isFalse();
        assertThat(stronger.needsRehash(stronger.hash("secret123".toCharArray()))).isFalse();
    }

    @Test
    void storedValueOfAnotherSchemeNeverMatches() {
        assertThat(hasher.matches("secret123".toCharArray(), "secret123")).isFalse();
        assertThat(hasher.matches("secret123".toCharArray(), "bcrypt$10$abc$def")).isFalse();
        assertThat(hasher.needsRehash("secret123")).isTrue();
    }

    @Test
    void refusesTooFewIterations() {
        assertThatThrownBy(() -> new PasswordHasher(999)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void productionDefaultIsAtLeastOwasps2021Figure() {
        assertThat(PasswordHasher.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(310_000);
    }
}
