package io.counterdesk.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.card.PcscdFixture;
import io.counterdesk.persistence.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The short kill campaign of issue 13 §1 in the normal suite: 50 SIGKILLs of a child doing a hall's
 * business of every kind that commits (ADR 0011), IC top-ups and reversals through the real pcscd
 * with the virtual card included. Each kill is followed by the program's own opening (the
 * acknowledgement mark checked), the check of everything acknowledged, the cashier's recovery of open
 * card writes and the comparison of card and database. The long campaign (≥ 1,000 kills) is the
 * {@code soak} profile ({@code mvn -Psoak verify}) or {@code scripts/kill-campaign.sh}. The next
 * round's child JVM starts and warms up while this round's works ({@link KillCampaign}); the
 * time-out leaves room for a machine busy with other builds.
 */
@ExtendWith(PcscdFixture.class)
class KillCampaignTest {

    static final int KILLS = 50;

    @Test
    @Timeout(value = 40, unit = TimeUnit.MINUTES)
    void nothingAcknowledgedIsLostAcrossFiftyKills() throws Exception {
        Path directory = Files.createTempDirectory("counterdesk-campaign-");
        try {
            KillCampaign campaign = new KillCampaign(directory, 20261207L, 0, 300, System.out, true);
            campaign.prepare(2_000);
            KillCampaign.Figures figures = campaign.run(KILLS);
            System.out.println("kill campaign: " + figures);
            assertThat(figures.problems()).isEmpty();
            assertThat(figures.clean()).as(figures.toString()).isTrue();
            // the kills landed among the businesses, and the businesses were all done
            assertThat(figures.payments()).isGreaterThan(KILLS);
            assertThat(figures.byKind()).containsKeys("pay:cash", "pay:card", "pay:slip", "pay:voucher", "pay:mix",
                    "pay:opening", "open", "close", "signoff", "stock", "deposit", "pay:gascash", "pay:gascard", "gas",
                    "gasreversed", "transfer");
            // card and database compared after every kill and after the children's training run
            assertThat(figures.cardChecks()).isEqualTo(KILLS + 1);
        } finally {
            TestDatabase.deleteRecursively(directory);
        }
    }
}
