package io.counterdesk.ui;

/** What the status bar says about a device (card reader, receipt printer). */
public enum DeviceState {
    /** No device configured or found. Honest until the device work connects one. */
    NOT_CONNECTED,
    READY,
    BUSY,
    ERROR;

    /** The style class of the status dot. */
    String styleClass() {
        return "device-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
