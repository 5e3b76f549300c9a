package io.counterdesk.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrintDocumentTest {

    @Test
    void aTextWithLineBreaksBecomesOneLinePerBreak() {
        PrintDocument document = PrintDocument.builder().text("第一行\n第二行", Alignment.CENTER, TextStyle.BOLD).build();

        assertThat(document.elements()).containsExactly(
                new PrintDocument.Text("第一行", Alignment.CENTER, TextStyle.BOLD),
                new PrintDocument.Text("第二行", Alignment.CENTER, TextStyle.BOLD));
    }

    @Test
    void aCopyCarriesTheMarkOnTopAndNeverOpensTheDrawer() {
        PrintDocument original = SampleReceipts.cashPayment("0000123");

        PrintDocument copy = original.asCopy("重打");

        assertThat(original.kicksDrawer()).isTrue();
        assertThat(copy.kicksDrawer()).isFalse();
        assertThat(copy.elements().get(0)).isEqualTo(new PrintDocument.Text("重打", Alignment.CENTER, TextStyle.LARGE));
        assertThat(copy.elements().subList(1, copy.elements().size()))
                .isEqualTo(original.withoutDrawerKick().elements());
    }

    @Test
    void isImmutable() {
        PrintDocument document = PrintDocument.builder().text("a").build();

        assertThatThrownBy(() -> document.elements().add(new PrintDocument.Blank()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalDocumentsAreEqual() {
        assertThat(SampleReceipts.cashPayment("1")).isEqualTo(SampleReceipts.cashPayment("1"))
                .isNotEqualTo(SampleReceipts.cashPayment("2"));
    }

    @Test
    void refusesAnEmptyOrOversizedQrCode() {
        assertThatThrownBy(() -> PrintDocument.builder().qr("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrintDocument.builder().qr("x".repeat(PrintDocument.MAX_QR_BYTES + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
