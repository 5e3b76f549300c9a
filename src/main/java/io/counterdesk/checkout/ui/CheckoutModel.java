package io.counterdesk.checkout.ui;

import io.counterdesk.ui.MessageKind;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * What the confirmation ({@link ConfirmPaymentView}) and the result ({@link PaymentResultPane}) of
 * a screen that takes money need from its view model: the payment screen's, the gas top-up's.
 */
public interface CheckoutModel {

    /** "正在收费……", "正在打印……" while the confirmation waits. */
    ReadOnlyStringProperty busyTextProperty();

    /**
     * After a first Enter on a payment that takes less than is due: the question naming the amount
     * left owing (a second Enter takes it); empty otherwise, and always on screens that cannot take
     * a partial payment.
     */
    default ReadOnlyStringProperty owingPromptProperty() {
        return new javafx.beans.property.ReadOnlyStringWrapper("").getReadOnlyProperty();
    }

    /** Enter in the confirmation: takes exactly what was confirmed. */
    void commit();

    /** The taken payment and its receipts as they stand; null before. */
    ReadOnlyObjectProperty<Outcome> outcomeProperty();

    ReadOnlyStringProperty messageProperty();

    ReadOnlyObjectProperty<MessageKind> messageKindProperty();

    ReadOnlyStringProperty accountNoProperty();

    ReadOnlyStringProperty holderNameProperty();
}
