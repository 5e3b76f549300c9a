package io.counterdesk.receipt.ui;

import io.counterdesk.receipt.ReceiptKind;
import io.counterdesk.shared.I18n;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The receipt kind a stock form is about, chosen with ↑ ↓ among the kinds on offer. */
public final class KindChoice {

    private final List<ReceiptKind> kinds;
    private final ReadOnlyObjectWrapper<ReceiptKind> kind = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    /** @param preferred the kind to start with, if on offer (the row highlighted on the stock screen) */
    KindChoice(List<ReceiptKind> kinds, ReceiptKind preferred) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("no receipt kind to choose from");
        }
        this.kinds = List.copyOf(kinds);
        kind.addListener((obs, was, now) -> text.set(text(now)));
        kind.set(preferred != null && kinds.contains(preferred) ? preferred : kinds.get(0));
    }

    static String text(ReceiptKind kind) {
        return I18n.text("receipt.kind." + kind.name());
    }

    /** The next ({@code by} = 1) or previous ({@code by} = -1) kind, round the list. */
    void step(int by) {
        int at = kinds.indexOf(kind.get());
        kind.set(kinds.get(Math.floorMod(at + by, kinds.size())));
    }

    public ReceiptKind get() {
        return kind.get();
    }

    public List<ReceiptKind> kinds() {
        return kinds;
    }

    public ReadOnlyObjectProperty<ReceiptKind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    /** "收款收据". */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
