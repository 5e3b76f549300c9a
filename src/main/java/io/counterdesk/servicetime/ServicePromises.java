package io.counterdesk.servicetime;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The promised time of each counter business, as set for this hall (defaults from 第三条). */
public record ServicePromises(Map<CounterBusiness, Duration> promises) {

    public static final ServicePromises DEFAULT = new ServicePromises(defaults());

    public ServicePromises {
        Map<CounterBusiness, Duration> all = defaults();
        all.putAll(promises);
        promises = Map.copyOf(all);
    }

    public Duration of(CounterBusiness business) {
        return promises.get(business);
    }

    private static Map<CounterBusiness, Duration> defaults() {
        Map<CounterBusiness, Duration> map = new EnumMap<>(CounterBusiness.class);
        for (CounterBusiness b : CounterBusiness.values()) {
            map.put(b, b.defaultPromise());
        }
        return map;
    }
}
