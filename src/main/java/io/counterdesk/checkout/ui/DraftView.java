package io.counterdesk.checkout.ui;

import io.counterdesk.printing.PrintDocument;
import java.awt.image.BufferedImage;

/** A receipt that will print: its title, the number it will most likely get ("" when none is held), its image. */
public record DraftView(String title, String expectedNumber, PrintDocument document, BufferedImage image) {
}
