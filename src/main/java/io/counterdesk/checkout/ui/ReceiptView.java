package io.counterdesk.checkout.ui;

import io.counterdesk.receipt.IssuedReceipt;
import java.awt.image.BufferedImage;

/** One receipt of the taken payment: its number, whether it has come out of the printer, its preview. */
public record ReceiptView(IssuedReceipt receipt, String title, boolean printed, BufferedImage image) {

    /** "燃气票核对单 00010001". */
    public String label() {
        return title + " " + receipt.formattedNumber();
    }
}
