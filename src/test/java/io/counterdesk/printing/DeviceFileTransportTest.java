package io.counterdesk.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device-file transport on real files standing where /dev/usb/lp0 would be. */
class DeviceFileTransportTest {

    @Test
    void writesTheWholeJobToTheDevice(@TempDir Path dir) throws Exception {
        Path device = Files.createFile(dir.resolve("lp0"));
        byte[] job = new EscPosEncoder(PaperWidth.MM58).encode(SampleReceipts.cashPayment("0000123"));

        PrinterStatus status = new DeviceFileTransport(device).send(job);

        assertThat(status).isEqualTo(PrinterStatus.UNKNOWN);
        assertThat(Files.readAllBytes(device)).isEqualTo(job);
        assertThat(EscPosDecoder.lines(Files.readAllBytes(device))).contains("收据号：0000123", "[CUT]");
    }

    @Test
    void appendsJobsToAPlainFileLikeAPrintToFile(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("receipts.bin"));
        DeviceFileTransport transport = new DeviceFileTransport(file.toString());

        transport.send(new byte[] {'a', 0x0A});
        transport.send(new byte[] {'b', 0x0A});

        assertThat(EscPosDecoder.lines(Files.readAllBytes(file))).containsExactly("a", "b");
    }

    @Test
    void aDeviceThatIsGoneIsOfflineAndNothingIsCreated(@TempDir Path dir) {
        Path unplugged = dir.resolve("lp1");
        DeviceFileTransport transport = new DeviceFileTransport(unplugged);

        assertThat(transport.status()).isEqualTo(PrinterStatus.OFFLINE);
        assertThatThrownBy(() -> transport.send(new byte[] {'x'}))
                .isInstanceOfSatisfying(PrinterException.class, e -> {
                    assertThat(e.status()).isEqualTo(PrinterStatus.OFFLINE);
                    assertThat(e.key()).isEqualTo("printing.error.deviceMissing");
                    assertThat(e.mayHavePrinted()).isFalse();
                });
        assertThat(unplugged).doesNotExist();
    }

    @Test
    void aDirectoryIsNoPrinter(@TempDir Path dir) {
        DeviceFileTransport transport = new DeviceFileTransport(dir);

        assertThat(transport.status()).isEqualTo(PrinterStatus.OFFLINE);
        assertThatThrownBy(() -> transport.send(new byte[] {'x'})).isInstanceOf(PrinterException.class);
    }

    @Test
    void printsAReceiptThroughTheFacade(@TempDir Path dir) throws Exception {
        Path device = Files.createFile(dir.resolve("ttyUSB0"));
        ReceiptPrinter printer = Printers.open(PrinterConfig.builder(PrinterConfig.Kind.DEVICE)
                .devicePath(device.toString()).paper(PaperWidth.MM58).drawer(false).build());

        printer.print(SampleReceipts.cashPayment("0000123"));

        assertThat(EscPosDecoder.lines(Files.readAllBytes(device)))
                .contains("燃气费收据", "-".repeat(32)).doesNotContain("[DRAWER]");
        assertThat(printer.lastStatus()).isEqualTo(PrinterStatus.UNKNOWN);
    }
}
