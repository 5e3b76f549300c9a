package io.counterdesk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.counterdesk.card.virtual.VirtualCard;
import io.counterdesk.card.virtual.VpcdCard;
import io.counterdesk.persistence.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Money and gas stay together when the program is killed in the middle of a card write (issue 4
 * §3, §4). The card sits in the real pcscd reader, answered by this process — like a card in a
 * reader it survives the program. A child JVM buys and reverses gas in a loop and is killed with
 * SIGKILL at a different moment each round. After each kill the open writes are resolved from the
 * card, and then: the card's count and cumulative volume are the system's, every acknowledged
 * purchase and reversal stands, every completed purchase has its payment and every reversed or
 * refunded one its refund, and the money taken net equals the gas left sold.
 */
@ExtendWith(PcscdFixture.class)
class TopUpKillTest {

    private static final int ROUNDS = 6;
    private static final int WRITES_BEFORE_KILL = 10;
    private static final Pattern ACK = Pattern.compile("(bought|reversed):(\\d+);");

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private int interrupted;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void noMoneyWithoutGasAndNoGasWithoutMoneyAcrossAKill() throws Exception {
        IcCardDesk desk = new IcCardDesk(db);
        VirtualCard userCard = desk.issuedCard();
        desk.readers.remove(IcCardDesk.READER);
        CardReaders pcsc = CardReaders.pcsc();
        try (VpcdCard inReader = new VpcdCard(userCard)) {
            inReader.insert();
            assertThat(pcsc.awaitCard(PcscdFixture.READER, true, Duration.ofSeconds(10))).isTrue();
            db.database().close();

            Set<Long> bought = new HashSet<>();
            Set<Long> reversed = new HashSet<>();
            for (int round = 1; round <= ROUNDS; round++) {
                Path stderr = db.location().directory().resolve("child-" + round + ".err");
                Process child = start(stderr);
                int writes = 0;
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                    String line;
                    while (writes < WRITES_BEFORE_KILL + round && (line = reader.readLine()) != null) {
                        record(line, bought, reversed);
                        writes += line.equals("writing;") ? 1 : 0;
                    }
                    if (writes < WRITES_BEFORE_KILL + round) {
                        fail("child ended early after %d writes: %s", writes, Files.readString(stderr));
                    }
                    // a card write has just begun: kill at a different point of it each round
                    LockSupport.parkNanos((round - 1) * 1_500_000L);
                    child.toHandle().destroyForcibly();
                    while ((line = reader.readLine()) != null) {
                        record(line, bought, reversed);
                    }
                } finally {
                    child.destroyForcibly();
                    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
                }
                checkAfterRestart(round, pcsc, bought, reversed);
            }
            assertThat(interrupted).as("some kills landed in the middle of a write").isPositive();
        }
    }

    private void checkAfterRestart(int round, CardReaders pcsc, Set<Long> bought, Set<Long> reversed) throws Exception {
        db.reopen();
        IcCardDesk desk = IcCardDesk.reopened(db);
        CardAccess card = pcsc.access(PcscdFixture.READER, new CardKeys(IcCardDesk.SECRET));
        List<String> resolutions = new ArrayList<>();
        for (GasPurchase open : desk.topUps.openWrites(desk.cashier)) {
            TopUpService.Resolution resolution = desk.topUps.resolve(desk.cashier, card, open.id());
            if (resolution == TopUpService.Resolution.NOT_WRITTEN) {
                desk.topUps.refund(desk.cashier, card, open.id(), "程序中断，写卡未成，退款", desk.managerApproves());
            }
            resolutions.add(open.status() + "→" + resolution);
        }
        interrupted += resolutions.size();
        System.out.printf("round %d: %d purchases and %d reversals acknowledged so far; open writes resolved: %s%n",
                round, bought.size(), reversed.size(), resolutions);
        assertThat(desk.topUps.openWrites(desk.cashier)).as("round %d: nothing left open", round).isEmpty();

        CardImage image = card.read().issued();
        assertThat(image.purchaseCount()).as("round %d: card and system count the same writes", round)
                .isEqualTo(desk.count("SELECT COALESCE(MAX(purchase_no), 0) FROM gas_purchase WHERE status <> 'REFUNDED'"));
        assertThat(image.cumulativePurchasedM3()).as("round %d: the gas on the card is the gas sold", round)
                .isEqualTo(desk.count("SELECT COALESCE(SUM(volume_m3), 0) FROM gas_purchase WHERE status = 'COMPLETED'"));
        assertThat(image.unloadedM3()).isEqualTo(desk.count("""
                SELECT COALESCE(SUM(volume_m3), 0) FROM gas_purchase WHERE status = 'COMPLETED'
                AND purchase_no = (SELECT MAX(purchase_no) FROM gas_purchase WHERE status <> 'REFUNDED')"""));
        assertThat(desk.count("SELECT COALESCE(SUM(total_due_fen), 0) FROM payment"))
                .as("round %d: money kept = money of the gas still sold", round)
                .isEqualTo(desk.count("SELECT COALESCE(SUM(amount_fen), 0) FROM gas_purchase WHERE status = 'COMPLETED'"));
        assertThat(desk.count("""
                SELECT COUNT(*) FROM gas_purchase WHERE status IN ('REVERSED', 'REFUNDED') AND refund_payment_id IS NULL"""))
                .as("every reversal and refund paid back").isZero();
        for (long id : bought) {
            assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase WHERE status IN ('COMPLETED', 'REVERSED') AND id = "
                    + id)).as("acknowledged purchase %d stands", id).isEqualTo(1);
        }
        for (long id : reversed) {
            assertThat(desk.count("SELECT COUNT(*) FROM gas_purchase WHERE status = 'REVERSED' AND id = " + id))
                    .as("acknowledged reversal %d stands", id).isEqualTo(1);
        }
        assertThat(desk.count("SELECT COUNT(*) FROM receipt")).isEqualTo(desk.count("SELECT COUNT(*) FROM payment"));
        assertThat(db.verifyChain().isIntact()).isTrue();

        // a purchase acknowledged just before the kill is still on the card, unloaded: the
        // customer changes their mind, and the next round starts from a card that may buy again
        if (image.unloadedM3() > 0) {
            long last = desk.count("SELECT MAX(id) FROM gas_purchase WHERE status = 'COMPLETED'");
            desk.topUps.reverse(desk.cashier, card, last, "程序中断后顾客取消", desk.managerApproves());
        }
        db.database().close();
    }

    private static int record(String line, Set<Long> bought, Set<Long> reversed) {
        Matcher m = ACK.matcher(line);
        if (!m.matches()) {
            return 0;
        }
        long id = Long.parseLong(m.group(2));
        (m.group(1).equals("bought") ? bought : reversed).add(id);
        return 1;
    }

    private Process start(Path stderr) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--add-opens", "java.smartcardio/sun.security.smartcardio=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), TopUpLoopChild.class.getName(),
                db.location().directory().toString(), db.location().name())
                .redirectError(stderr.toFile())
                .start();
    }
}
