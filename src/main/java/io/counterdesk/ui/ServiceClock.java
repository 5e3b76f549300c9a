package io.counterdesk.ui;

import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.servicetime.ServiceTimer;

/**
 * The service-time clock as screens use it (第三条): a business is started when the cashier starts
 * it, shown discreetly in the status bar against its promise, and finished at its receipt. A
 * business the cashier leaves unfinished is abandoned (not stored).
 */
public interface ServiceClock {

    /** A clock that shows and stores nothing (tests, screens without a promise). */
    ServiceClock NONE = business -> new Timing() {
        private ServiceTimer timer = new ServiceTimer(business, java.time.Instant.now(), business.defaultPromise());

        @Override
        public ServiceTimer timer() {
            return timer;
        }

        @Override
        public void changeTo(CounterBusiness other) {
            timer = timer.as(other, other.defaultPromise());
        }

        @Override
        public void finished(String subject) {
        }

        @Override
        public void recorded() {
        }

        @Override
        public void abandon() {
        }
    };

    /** The business starts now. */
    Timing start(CounterBusiness business);

    /** One business being timed. Methods are called on the UI thread. */
    interface Timing {

        /** When it started and what it is measured against. */
        ServiceTimer timer();

        /** The same start, measured as another business (an opening that gets an IC meter). */
        void changeTo(CounterBusiness business);

        /** The receipt is out (the commit returned): stores the time, stops showing it. */
        void finished(String subject);

        /** The business stored its time in its own commit: stops showing it. */
        void recorded();

        /** The cashier left without finishing: stops showing it, stores nothing. */
        void abandon();
    }
}
