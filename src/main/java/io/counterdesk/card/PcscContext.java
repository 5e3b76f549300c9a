package io.counterdesk.card;

import java.lang.reflect.Field;
import java.security.NoSuchAlgorithmException;
import javax.smartcardio.TerminalFactory;

/**
 * The JDK's PC/SC provider opens one pcsc-lite context per JVM and keeps it for good; after pcscd
 * restarts (or a Windows smart-card service restart) every call on the old context fails with
 * {@code SCARD_E_NO_SERVICE} until the program restarts. Zeroing the provider's context id makes
 * the next {@code TerminalFactory.getInstance("PC/SC", null)} open a fresh one; the provider also
 * caches its terminal objects by reader name, each holding the context it was made with, so that
 * cache is emptied too. This needs
 * {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED} (set for the tests and
 * the application); without it the program reports the service as unavailable until restarted.
 */
final class PcscContext {

    private static final System.Logger LOG = System.getLogger(PcscContext.class.getName());
    private static final String TERMINALS = "sun.security.smartcardio.PCSCTerminals";

    private static volatile boolean warned;

    private PcscContext() {
    }

    /**
     * Drops the provider's context so the next factory opens a new one, unless it works (another
     * caller renewed it already); false when it is dead and the JVM does not allow renewing it.
     */
    static synchronized boolean renew() {
        if (alive()) {
            return true;
        }
        try {
            Class<?> terminals = Class.forName(TERMINALS);
            Field contextId = terminals.getDeclaredField("contextId");
            Field cache = terminals.getDeclaredField("terminals");
            contextId.setAccessible(true);
            cache.setAccessible(true);
            // the provider's initContext() and implGetTerminal() are static synchronized methods: same lock
            synchronized (terminals) {
                contextId.setLong(null, 0L);
                ((java.util.Map<?, ?>) cache.get(null)).clear();
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException notAllowed) {
            if (!warned) {
                warned = true;
                LOG.log(System.Logger.Level.WARNING, "PC/SC service lost; the JVM cannot open a new PC/SC context "
                        + "without --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED; "
                        + "restart the program once the service runs again", notAllowed);
            }
            return false;
        }
    }

    /** Whether the context the provider holds now answers (a factory is only made when the service runs). */
    private static boolean alive() {
        try {
            TerminalFactory.getInstance(CardReaders.PCSC, null).terminals().list();
            return true;
        } catch (NoSuchAlgorithmException | javax.smartcardio.CardException | IllegalStateException dead) {
            return false;
        }
    }
}
