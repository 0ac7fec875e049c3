package gov.planmonitor.support.time;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * "Today" as the bureau counts it: one time zone for every date rule (a target effective 1 January applies from
 * midnight in Asia/Shanghai, not from 08:00), from {@code planmonitor.time-zone}. {@code planmonitor.clock.fixed-instant}
 * stops the clock at an instant, for tests and demonstrations only.
 */
@ApplicationScoped
public class BureauClock {

    private final Clock clock;

    public BureauClock(@ConfigProperty(name = "planmonitor.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone,
                       @ConfigProperty(name = "planmonitor.clock.fixed-instant") Optional<Instant> fixed) {
        this.clock = fixed.map(instant -> Clock.fixed(instant, zone)).orElseGet(() -> Clock.system(zone));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Clock clock() {
        return clock;
    }
}
