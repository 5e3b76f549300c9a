package io.counterdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.app.CounterDesk;
import io.counterdesk.headoffice.HeadOffice;
import io.counterdesk.headoffice.HeadOfficeServer;
import io.counterdesk.headoffice.HeadOfficeStore;
import io.counterdesk.sync.SyncKeys;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.input.KeyCode;

/**
 * The sign-off screen's send-now key (F7), keys only, on the real program (the screen already shown)
 * and a real head office over HTTP: not enrolled, the screen says so and nothing is made; enrolled,
 * F7 makes the batch of what the journal holds and the upload delivers it in the background (head
 * office stores it once, the terminal holds the acknowledgement). Run at the end of
 * {@link SignOffNextMorningEndToEndTest}, so as not to start the program once more.
 */
final class SignOffSendNow {

    private SignOffSendNow() {
    }

    static void f7SendsTheDaysToHeadOfficeNow(CounterDriver counter, CounterDesk desk, Path dir) throws Exception {
        counter.press(KeyCode.F7);
        counter.waitUntil("the screen says the terminal is not enrolled", () -> counter.text("#signoff-message")
                .orElse("").equals("本终端尚未向总部登记（counterdesk sync enrol 文件）"));
        assertThat(count(desk, "SELECT COUNT(*) FROM sync_batch")).isZero();

        try (HeadOfficeStore store = HeadOfficeStore.embedded(dir.resolve("ho"))) {
            HeadOffice headOffice = new HeadOffice(store, SyncKeys.generate(), Clock.systemUTC());
            try (HeadOfficeServer server = HeadOfficeServer.start(headOffice, new InetSocketAddress("127.0.0.1", 0))) {
                String hall = desk.terminal().hallCode();
                String terminal = desk.terminal().terminalCode();
                Path file = dir.resolve("enrol.json");
                Files.writeString(file, """
                        {"format":"counterdesk-enrolment","hall":"%s","terminal":"%s","url":"http://127.0.0.1:%d",
                         "headOfficeKey":"%s","token":"%s"}""".formatted(hall, terminal, server.port(),
                        SyncKeys.publicText(headOffice.publicKey()), headOffice.addTerminal(hall, terminal)));
                desk.sync().enrol(file);

                counter.press(KeyCode.F7);
                counter.waitUntil("the screen says the upload started", () -> counter.text("#signoff-message")
                        .orElse("").equals("正在上传总部，状态栏显示进度"));
                counter.waitUntil("head office holds the batch and the terminal its acknowledgement",
                        () -> count(desk, "SELECT COUNT(*) FROM sync_batch WHERE ack IS NOT NULL") == 1);
                long sent = count(desk, "SELECT last_journal_seq FROM sync_batch");
                assertThat(sent).isPositive();
                assertThat(headOffice.count("ho_batch")).isEqualTo(1);
                assertThat(headOffice.count("ho_event")).isEqualTo(sent);
            }
        }
    }

    private static long count(CounterDesk desk, String sql) {
        return desk.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
