package gov.planmonitor.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "report")
public interface ReportConfig {

    Worker worker();

    interface Worker {
        /** A RUNNING job whose heartbeat is older than this was abandoned by a crashed worker and is taken again. */
        @WithDefault("PT5M")
        Duration staleAfter();

        @WithDefault("1s")
        String poll();
    }
}
