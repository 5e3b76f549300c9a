package io.counterdesk.security.ui;

import io.counterdesk.shared.I18n;
import io.counterdesk.ui.CounterAction;
import io.counterdesk.ui.FormMessage;
import io.counterdesk.ui.MessageKind;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The log-in page: 工号, password, Enter. Binds to {@link LoginViewModel} and forwards keys to it.
 * Enter in the staff number moves to the password; Enter in the password logs in; Esc clears the
 * password.
 */
public final class LoginView {

    private static final String GROUP_LOGIN = "ui.keys.group.login";
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final LoginViewModel model;
    private final StackPane page = new StackPane();
    private final TextField staffNo = new TextField();
    private final PasswordField password = new PasswordField();

    public LoginView(LoginViewModel model) {
        this.model = model;
        page.getStyleClass().add("login-page");
        page.setId("login-page");

        Label brand = new Label(I18n.text("ui.app.brand"));
        brand.getStyleClass().add("login-brand");
        Label subtitle = new Label(I18n.text("ui.login.subtitle"));
        subtitle.getStyleClass().add("login-subtitle");
        Label place = new Label();
        place.setId("login-place");
        place.getStyleClass().add("login-place");
        place.textProperty().bind(model.placeProperty());
        place.visibleProperty().bind(model.placeProperty().isNotEmpty());
        place.managedProperty().bind(place.visibleProperty());

        Label staffLabel = new Label(I18n.text("ui.login.staffNo"));
        staffLabel.getStyleClass().add("field-label");
        staffLabel.setLabelFor(staffNo);
        staffNo.setId("login-staff-no");
        staffNo.setPromptText(I18n.text("ui.login.staffNoPrompt"));
        staffNo.textProperty().bindBidirectional(model.staffNoProperty());
        staffNo.setOnAction(e -> password.requestFocus());

        Label passwordLabel = new Label(I18n.text("ui.login.password"));
        passwordLabel.getStyleClass().add("field-label");
        passwordLabel.setLabelFor(password);
        password.setId("login-password");
        password.setPromptText(I18n.text("ui.login.passwordPrompt"));
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.setOnAction(e -> model.login());

        Button login = new Button(I18n.text("ui.login.button"));
        login.setId("login-button");
        login.getStyleClass().addAll("accent", "large");
        login.setMaxWidth(Double.MAX_VALUE);
        login.disableProperty().bind(model.busyProperty()
                .or(model.backendProperty().isEqualTo(LoginViewModel.Backend.FAILED)));
        login.setOnAction(e -> model.login());

        Label message = FormMessage.create("login-message", model.messageProperty(), model.messageKindProperty());

        Label backend = new Label();
        backend.setId("login-backend");
        backend.getStyleClass().add("login-backend");
        backend.setWrapText(true);
        backend.textProperty().bind(Bindings.createStringBinding(() -> switch (model.backendProperty().get()) {
            case OPENING -> I18n.text("ui.login.databaseOpening");
            case READY -> I18n.text("ui.login.databaseReady");
            case FAILED -> I18n.text("ui.login.databaseProblem", model.backendProblemProperty().get());
        }, model.backendProperty(), model.backendProblemProperty()));
        model.backendProperty().addListener((obs, was, now) -> backend.pseudoClassStateChanged(
                FAILED, now == LoginViewModel.Backend.FAILED));

        Label hint = new Label(I18n.text("ui.login.keyHint"));
        hint.getStyleClass().add("login-hint");

        VBox card = new VBox(brand, subtitle, place, staffLabel, staffNo, passwordLabel, password, login, message,
                backend, hint);
        card.getStyleClass().add("login-card");
        VBox.setMargin(login, new Insets(18, 0, 4, 0));
        VBox.setMargin(message, new Insets(6, 0, 0, 0));
        card.setMaxWidth(Region.USE_PREF_SIZE);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setAlignment(Pos.CENTER_LEFT);
        page.getChildren().add(card);

        page.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.clearPassword();
                password.requestFocus();
                e.consume();
            }
        });
        model.messageKindProperty().addListener((obs, was, now) -> {
            if (now == MessageKind.ERROR && !model.staffNoProperty().get().isBlank()) {
                password.requestFocus();
            }
        });
    }

    public Node node() {
        return page;
    }

    /** The page's keys for the key map (F1); the fields handle them. */
    public List<CounterAction> actions() {
        return List.of(
                CounterAction.hint("login.next", "Enter", GROUP_LOGIN, "ui.keys.login.enter"),
                CounterAction.hint("login.clear", "Esc", GROUP_LOGIN, "ui.keys.login.clear"));
    }

    /** Puts the focus where typing starts: the staff number, selected so typing replaces it. */
    public void focus() {
        staffNo.requestFocus();
        staffNo.selectAll();
    }
}
