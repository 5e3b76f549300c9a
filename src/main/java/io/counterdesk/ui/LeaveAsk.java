package io.counterdesk.ui;

import io.counterdesk.shared.I18n;

/**
 * Esc on a half-filled form (issue 15 §1), the one rule for every screen and dialog: with input
 * typed that Esc would throw away, the first Esc only says so; another Esc with nothing typed in
 * between leaves; typing in between asks again. The shell asks it for each screen
 * ({@link Screen#typedInput()}); a dialog over a screen (the stock screen's forms) keeps its own.
 */
public final class LeaveAsk {

    private Object askedOn;
    private String askedFor;

    /**
     * Esc on {@code form} holding {@code typed} (empty: nothing would be lost): true when Esc must
     * stay and the question show ({@link #question()}), false when it may leave.
     */
    public boolean stay(Object form, String typed) {
        if (!typed.isEmpty() && !(form == askedOn && typed.equals(askedFor))) {
            askedOn = form;
            askedFor = typed;
            return true;
        }
        askedOn = null;
        askedFor = null;
        return false;
    }

    /** "已填写的内容会丢失：再按一次 Esc 放弃并离开……" */
    public static String question() {
        return I18n.text("ui.leaveAsk");
    }
}
