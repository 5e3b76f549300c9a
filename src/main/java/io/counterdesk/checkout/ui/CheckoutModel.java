package io.counterdesk.checkout.ui;

import io.counterdesk.ui.MessageKind;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * What the confirmation ({@link ConfirmPaymentView}) and the result ({@link PaymentResultPane}) of
 * a screen that takes money need from its view model: the payment screen's, the gas top-up's.
 */
public interface CheckoutModel {

    /** The screen's confirm → take → print flow, whose records the panes show. */
    CheckoutFlow<?> checkout();

    /** "正在收费……", "正在打印……" while the confirmation waits. */
    default ReadOnlyStringProperty busyTextProperty() {
        return checkout().busyTextProperty();
    }

    /**
     * After a first Enter on a payment that takes less than is due: the question naming the amount
     * left owing (a second Enter takes it); empty otherwise, and always on screens that cannot take
     * a partial payment.
     */
    default ReadOnlyStringProperty owingPromptProperty() {
        return checkout().owingPromptProperty();
    }

    /** Enter in the confirmation: takes exactly what was confirmed. */
    void commit();

    /** What F12 made: the quoted plan, the input that will be taken, the receipts; null outside the confirmation. */
    default ReadOnlyObjectProperty<Confirmation> confirmationProperty() {
        return checkout().confirmationProperty();
    }

    /** The taken payment and its receipts as they stand; null before. */
    default ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return checkout().outcomeProperty();
    }

    /** True while F9 prints again. */
    default ReadOnlyBooleanProperty printingAgainProperty() {
        return checkout().printingAgainProperty();
    }

    ReadOnlyStringProperty messageProperty();

    ReadOnlyObjectProperty<MessageKind> messageKindProperty();

    ReadOnlyStringProperty accountNoProperty();

    ReadOnlyStringProperty holderNameProperty();
}
