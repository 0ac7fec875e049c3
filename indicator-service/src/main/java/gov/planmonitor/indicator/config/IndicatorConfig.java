package gov.planmonitor.indicator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

@ConfigMapping(prefix = "indicator")
public interface IndicatorConfig {

    Evaluation evaluation();

    Paging paging();

    interface Evaluation {
        /** Band of a 左右 ("about") target on a rate, in percentage points: 6.5%左右 accepts 6.0 to 7.0. */
        @WithDefault("0.5")
        BigDecimal aboutTolerancePoints();

        /** Band of a 左右 target on a level, as a share of the target: 0.05 accepts ±5%. */
        @WithDefault("0.05")
        BigDecimal aboutToleranceShare();

        /** Band of 基本同步 ("basically in step"), in percentage points below the reference growth. */
        @WithDefault("0.5")
        BigDecimal basicallyInStepPoints();
    }

    interface Paging {
        @WithDefault("20")
        int defaultSize();

        @WithDefault("200")
        int maxSize();
    }
}
