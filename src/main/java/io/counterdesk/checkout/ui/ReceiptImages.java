package io.counterdesk.checkout.ui;

import io.counterdesk.shared.I18n;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import java.util.List;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/** A receipt's preview image (one pixel per printer dot) on screen, scaled to a column of the strip. */
final class ReceiptImages {

    /** Wide enough to read the receipt's normal lines at a glance on a 1366 × 768 screen. */
    static final double WIDTH = 330;

    private ReceiptImages() {
    }

    /** The image under a caption ("燃气票核对单 00010001 · 已打印"). */
    static Node card(String caption, String styleClass, BufferedImage image) {
        Label title = new Label(caption);
        title.getStyleClass().addAll("receipt-caption", styleClass);
        title.setWrapText(true);
        title.setMaxWidth(WIDTH);
        VBox card = new VBox(title);
        card.getStyleClass().add("receipt-card");
        card.setAlignment(Pos.TOP_CENTER);
        if (image != null) {
            ImageView view = new ImageView(SwingFXUtils.toFXImage(image, null));
            view.setPreserveRatio(true);
            view.setSmooth(true);
            view.setFitWidth(Math.min(WIDTH, image.getWidth()));
            view.getStyleClass().add("receipt-image");
            card.getChildren().add(view);
        } else {
            Label none = new Label(I18n.text("ui.pay.noPreview"));
            none.getStyleClass().add("placeholder-text");
            card.getChildren().add(none);
        }
        return card;
    }

    /** The preview strip of receipt images, shared by the confirmation and the result. */
    static ScrollPane previewStrip(String id, List<Node> receipts) {
        HBox strip = new HBox();
        strip.getStyleClass().add("receipt-strip");
        strip.getChildren().addAll(receipts);
        ScrollPane scroll = new ScrollPane(strip);
        scroll.setId(id);
        scroll.getStyleClass().add("receipt-scroll");
        scroll.setFitToHeight(false);
        scroll.setFocusTraversable(false);
        return scroll;
    }
}
