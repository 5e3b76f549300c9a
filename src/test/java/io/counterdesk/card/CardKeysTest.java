package io.counterdesk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardKeysTest {

    @Test
    void thePscIsDerivedFromSecretAndSerialAndStaysTheSame() {
        byte[] psc = TestCards.KEYS.psc(TestCards.SERIAL);

        assertThat(psc).hasSize(3).isEqualTo(TestCards.KEYS.psc(TestCards.SERIAL));
        assertThat(psc).isNotEqualTo(TestCards.OTHER_UTILITY.psc(TestCards.SERIAL));
        assertThat(psc).isNotEqualTo(TestCards.KEYS.psc("3301000000000018"));
    }

    @Test
    void thePscIsKnownForAFixedSecretSoCountersAndMetersAgree() {
        CardKeys keys = new CardKeys("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

        // HMAC-SHA256(HMAC-SHA256(secret, "CounterDesk card PSC v1"), serial), first 3 bytes
        assertThat(HexFormat.of().formatHex(keys.psc("0000000000000001")))
                .isEqualTo(HexFormat.of().formatHex(TestVectors.psc("0123456789abcdef", "0000000000000001")));
    }

    @Test
    void pscsOfManyCardsAreSpreadAndNeverTheFactoryPsc() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            byte[] psc = TestCards.KEYS.psc(String.format("%016d", i));
            assertThat(psc).isNotEqualTo(CardKeys.FACTORY_PSC);
            seen.add(HexFormat.of().formatHex(psc));
        }
        assertThat(seen).hasSizeGreaterThan(1_990);
    }

    @Test
    void theMacIsEightBytesAndDependsOnEveryByteAndTheSecret() {
        byte[] data = "record body".getBytes(StandardCharsets.US_ASCII);
        byte[] mac = TestCards.KEYS.mac(data, 0, data.length);

        assertThat(mac).hasSize(CardKeys.MAC_LENGTH);
        assertThat(mac).isNotEqualTo(TestCards.OTHER_UTILITY.mac(data, 0, data.length));
        for (int i = 0; i < data.length; i++) {
            byte[] changed = data.clone();
            changed[i] ^= 1;
            assertThat(TestCards.KEYS.mac(changed, 0, changed.length)).as("byte %d", i).isNotEqualTo(mac);
        }
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new CardKeys(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }
}
