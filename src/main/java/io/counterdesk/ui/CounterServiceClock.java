package io.counterdesk.ui;

import io.counterdesk.security.Operator;
import io.counterdesk.servicetime.CounterBusiness;
import io.counterdesk.servicetime.ServicePromises;
import io.counterdesk.servicetime.ServiceTimeService;
import io.counterdesk.servicetime.ServiceTimer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The counter's service-time clock: the hall's promises (read once in the background), the
 * businesses being timed, the newest of which the status bar shows, and the finished ones stored
 * through {@link ServiceTimeService} off the UI thread. A time that cannot be stored is logged; it
 * never disturbs the business it measured.
 */
public final class CounterServiceClock implements ServiceClock {

    private static final System.Logger LOG = System.getLogger(CounterServiceClock.class.getName());

    private final TaskExecutor executor;
    private final ServiceTimeService service;
    private final Operator cashier;
    private final StatusBarModel status;
    private final Clock clock;
    private final List<Running> running = new ArrayList<>();
    private ServicePromises promises = ServicePromises.DEFAULT;

    public CounterServiceClock(TaskExecutor executor, ServiceTimeService service, Operator cashier,
                               StatusBarModel status, Clock clock) {
        this.executor = Objects.requireNonNull(executor);
        this.service = Objects.requireNonNull(service);
        this.cashier = Objects.requireNonNull(cashier);
        this.status = Objects.requireNonNull(status);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Reads the hall's promises in the background; until then the defaults apply. */
    public void load() {
        BackgroundTask.of(service::promises)
                .onSuccess(read -> promises = read)
                .onFailure(error -> LOG.log(System.Logger.Level.WARNING, "cannot read the promised times", error))
                .executeWith(executor);
    }

    @Override
    public Timing start(CounterBusiness business) {
        Running timing = new Running(new ServiceTimer(business, clock.instant(), promises.of(business)));
        running.add(timing);
        show();
        return timing;
    }

    /** The businesses being timed, oldest first (for tests). */
    List<ServiceTimer> running() {
        return running.stream().map(Running::timer).toList();
    }

    private void show() {
        status.serviceTimer(running.isEmpty() ? null : running.get(running.size() - 1).timer);
    }

    private final class Running implements Timing {
        private ServiceTimer timer;
        private boolean over;

        Running(ServiceTimer timer) {
            this.timer = timer;
        }

        @Override
        public ServiceTimer timer() {
            return timer;
        }

        @Override
        public void changeTo(CounterBusiness business) {
            if (!over && timer.business() != business) {
                timer = timer.as(business, promises.of(business));
                show();
            }
        }

        @Override
        public void finished(String subject) {
            if (end()) {
                ServiceTimer done = timer;
                BackgroundTask.of(() -> service.finish(cashier, done, subject))
                        .onFailure(error -> LOG.log(System.Logger.Level.WARNING, "cannot store the service time of "
                                + subject, error))
                        .executeWith(executor);
            }
        }

        @Override
        public void recorded() {
            end();
        }

        @Override
        public void abandon() {
            end();
        }

        private boolean end() {
            if (over) {
                return false;
            }
            over = true;
            running.remove(this);
            show();
            return true;
        }
    }
}
