package io.counterdesk.printing;

/** Where a line sits on the paper. */
public enum Alignment {
    LEFT,
    CENTER,
    RIGHT
}
