package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.shared.I18n;
import io.counterdesk.sync.SyncStatus;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the status bar says about the upload to head office. */
class SyncStatusTextTest {

    @AfterEach
    void chinese() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void saysUploadedPendingSendingOrFailedWithTheReasonAndNothingBeforeEnrolment() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(StatusBarModel.syncText(new SyncStatus(false, 3, null, false))).isEmpty();
        assertThat(StatusBarModel.syncText(new SyncStatus(true, 0, null, false))).isEqualTo("已上传");
        assertThat(StatusBarModel.syncText(new SyncStatus(true, 2, null, false))).isEqualTo("待上传 2");
        assertThat(StatusBarModel.syncText(new SyncStatus(true, 2, null, true))).isEqualTo("正在上传 2");
        assertThat(StatusBarModel.syncText(new SyncStatus(true, 2, null, true, 45))).isEqualTo("上传中 45%");
        assertThat(StatusBarModel.syncText(new SyncStatus(true, 1, "head office not reachable", false)))
                .isEqualTo("上传失败（head office not reachable）");
        I18n.setLocale(Locale.ENGLISH);
        assertThat(StatusBarModel.syncText(new SyncStatus(true, 2, null, false))).isEqualTo("2 to upload");
    }
}
