package io.counterdesk.card.virtual;

import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactorySpi;

/**
 * The service class behind {@link SimulatedReaders#PROVIDER}; public only because
 * {@code java.security.Provider} instantiates it by reflection. The parameter of
 * {@code TerminalFactory.getInstance} is the {@link SimulatedReaders} to present.
 */
public final class SimulatedTerminalFactorySpi extends TerminalFactorySpi {

    private final SimulatedReaders readers;

    public SimulatedTerminalFactorySpi(Object readers) {
        if (!(readers instanceof SimulatedReaders simulated)) {
            throw new IllegalArgumentException("the parameter is the SimulatedReaders to present");
        }
        this.readers = simulated;
    }

    @Override
    protected CardTerminals engineTerminals() {
        return new SimulatedTerminals(readers);
    }
}
