package io.counterdesk.ui;

/**
 * Told when a screen sends receipts to the printer and when that is over, on the UI thread: the
 * status bar says "printing" meanwhile and does not ask the printer for its status in between
 * (a network printer serves one connection at a time).
 */
public interface PrinterActivity {

    /** For screens and tests without a status bar. */
    PrinterActivity NONE = new PrinterActivity() {
        @Override
        public void printingStarted() {
        }

        @Override
        public void printingFinished() {
        }
    };

    void printingStarted();

    void printingFinished();
}
