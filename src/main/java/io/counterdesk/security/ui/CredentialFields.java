package io.counterdesk.security.ui;

import io.counterdesk.ui.Forms;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/**
 * The 工号 and password fields of a {@link CredentialEntry}, labelled, for a dialog where a second
 * operator confirms with their own credentials. Enter in the 工号 moves to the password; Enter in
 * the password runs {@code onSubmit}. The fields' ids are {@code <prefix>-staff-no} and
 * {@code <prefix>-password}.
 */
public final class CredentialFields {

    private final TextField staffNo = new TextField();
    private final PasswordField password = new PasswordField();
    private final List<Node> nodes;

    public CredentialFields(String idPrefix, CredentialEntry entry, String staffNoLabelKey, String passwordLabelKey,
                            Runnable onSubmit) {
        staffNo.setId(idPrefix + "-staff-no");
        password.setId(idPrefix + "-password");
        staffNo.textProperty().bindBidirectional(entry.staffNoProperty());
        password.textProperty().bindBidirectional(entry.passwordProperty());
        staffNo.setOnAction(e -> password.requestFocus());
        password.setOnAction(e -> onSubmit.run());
        nodes = List.of(Forms.fieldLabel(staffNoLabelKey, staffNo), staffNo,
                Forms.fieldLabel(passwordLabelKey, password), password);
    }

    /** Typing is possible only while {@code editable} holds (not while the check runs). */
    public void editableWhile(ObservableBooleanValue editable) {
        staffNo.editableProperty().bind(editable);
        password.editableProperty().bind(editable);
    }

    /** Labels and fields, in order, to add to the dialog. */
    public List<Node> nodes() {
        return nodes;
    }

    public TextField staffNoField() {
        return staffNo;
    }

    public PasswordField passwordField() {
        return password;
    }
}
