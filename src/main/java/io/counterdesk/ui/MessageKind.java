package io.counterdesk.ui;

/** Whether the message line under a form is empty, a neutral note or an error. */
public enum MessageKind {
    NONE,
    INFO,
    ERROR;

    /** Style class for the message label. */
    public String styleClass() {
        return "message-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
