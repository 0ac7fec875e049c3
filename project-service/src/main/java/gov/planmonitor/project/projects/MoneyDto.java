package gov.planmonitor.project.projects;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;

@Schema(name = "Money", description = "An amount in yuan (exact decimal) and as the documents print it (亿元 / 万元).")
public record MoneyDto(
        @Schema(examples = "2390000000") BigDecimal yuan,
        @Schema(examples = "23.9亿元") String display) {

    private static final BigDecimal YI = new BigDecimal("100000000");
    private static final BigDecimal WAN = new BigDecimal("10000");

    public static MoneyDto of(BigDecimal yuan) {
        if (yuan == null) {
            return null;
        }
        BigDecimal abs = yuan.abs();
        String display;
        if (abs.compareTo(YI) >= 0) {
            display = plain(yuan.divide(YI, 4, RoundingMode.HALF_UP)) + "亿元";
        } else if (abs.compareTo(WAN) >= 0) {
            display = plain(yuan.divide(WAN, 2, RoundingMode.HALF_UP)) + "万元";
        } else {
            display = plain(yuan) + "元";
        }
        return new MoneyDto(strip(yuan), display);
    }

    static String plain(BigDecimal value) {
        return strip(value).toPlainString();
    }

    public static BigDecimal strip(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
