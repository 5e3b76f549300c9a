package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.shared.I18n;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusBarModelTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @AfterEach
    void chineseAgain() {
        I18n.setLocale(I18n.CHINESE);
    }

    @Test
    void showsTheTimeOfTheTerminalsClockAndTicks() {
        MutableClock clock = new MutableClock(Instant.parse("2025-11-22T06:03:27Z"), SHANGHAI);
        StatusBarModel model = new StatusBarModel(clock);
        assertThat(model.timeProperty().get()).isEqualTo("2025-11-22 14:03:27");

        clock.now = clock.now.plusSeconds(1);
        model.tick();
        assertThat(model.timeProperty().get()).isEqualTo("2025-11-22 14:03:28");
    }

    @Test
    void devicesAreHonestlyNotConnectedUntilConnected() {
        StatusBarModel model = new StatusBarModel(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        assertThat(model.cardReaderProperty().get()).isEqualTo(DeviceState.NOT_CONNECTED);
        assertThat(model.printerProperty().get()).isEqualTo(DeviceState.NOT_CONNECTED);
        assertThat(StatusBarModel.cardReaderText(DeviceState.NOT_CONNECTED)).isEqualTo("读卡器：未连接");
        assertThat(StatusBarModel.printerText(DeviceState.NOT_CONNECTED)).isEqualTo("打印机：未连接");

        I18n.setLocale(Locale.ENGLISH);
        assertThat(StatusBarModel.printerText(DeviceState.READY)).isEqualTo("Printer: ready");
    }

    @Test
    void tracksTheTillSession() {
        StatusBarModel model = new StatusBarModel(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        assertThat(model.tillOpenProperty().get()).isFalse();

        model.tillOpened("班次 2025-11-22 · 备用金 ¥500.00");
        assertThat(model.tillOpenProperty().get()).isTrue();
        assertThat(model.tillProperty().get()).contains("¥500.00");

        model.tillNotOpen("未开班（F10 开班）");
        assertThat(model.tillOpenProperty().get()).isFalse();
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        MutableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MutableClock(now, other);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
