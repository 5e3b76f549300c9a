package io.counterdesk.security.ui;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A second operator's 工号 and password typed at this counter: the hall manager who approves, the
 * cashier who takes over receipt stock. The form part only; the view model that owns it hands the
 * credentials to {@code AuthService} in the background. The password is taken out of the form
 * when it is used, so it is never kept on screen after a check.
 */
public final class CredentialEntry {

    private final StringProperty staffNo = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");

    /** The 工号 typed, without surrounding blanks. */
    public String staffNo() {
        String typed = staffNo.get();
        return typed == null ? "" : typed.strip();
    }

    public boolean staffNoMissing() {
        return staffNo().isEmpty();
    }

    public boolean passwordMissing() {
        String typed = password.get();
        return typed == null || typed.isEmpty();
    }

    /** The password typed, emptied from the form; the service wipes the array once checked. */
    public char[] takePassword() {
        char[] characters = password.get() == null ? new char[0] : password.get().toCharArray();
        password.set("");
        return characters;
    }

    /** Empties both fields (another person is to type). */
    public void clear() {
        staffNo.set("");
        password.set("");
    }

    public StringProperty staffNoProperty() {
        return staffNo;
    }

    public StringProperty passwordProperty() {
        return password;
    }
}
