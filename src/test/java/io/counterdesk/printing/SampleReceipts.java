package io.counterdesk.printing;

/** Receipt-like documents for the tests (the real layout belongs to the receipt package). */
final class SampleReceipts {

    static final String QR = "https://pay.example.cn/r?no=0000123&户=张";

    private SampleReceipts() {
    }

    /** A cash payment: drawer, title, Chinese and amounts, separator, QR, cut. */
    static PrintDocument cashPayment(String receiptNumber) {
        return PrintDocument.builder()
                .openDrawer()
                .centered("燃气费收据", TextStyle.LARGE)
                .text("收据号：" + receiptNumber)
                .text("户号：1001234567  张三")
                .separator()
                .columns("2024年6月燃气费", "128.50")
                .columns("滞纳金", "0.00")
                .columns("合计", "￥128.50", TextStyle.BOLD)
                .columns("实收现金", "150.00")
                .columns("找零", "21.50")
                .separator()
                .qr(QR)
                .text("营业员 王伟", Alignment.RIGHT)
                .cut()
                .build();
    }
}
