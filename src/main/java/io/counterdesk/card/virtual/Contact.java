package io.counterdesk.card.virtual;

/** Whether a connected card is still where it was connected, and what happens when it loses contact. */
interface Contact {

    boolean inContact();

    /** The card stopped answering (pulled out mid-command, power lost): it is gone from its slot. */
    void lost();
}
