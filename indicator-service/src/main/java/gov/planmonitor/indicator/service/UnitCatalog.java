package gov.planmonitor.indicator.service;

import gov.planmonitor.indicator.mapping.UnitDto;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The units the plan documents print, with their normalised symbol and scale to the base unit. */
public final class UnitCatalog {

    /** A known unit; {@code nonNegative} units (money, areas, counts) cannot take negative values. */
    public record Unit(String printed, String normalized, BigDecimal scale, String nameEn, boolean nonNegative, boolean rate) {
        public UnitDto toDto() {
            return new UnitDto(printed, normalized, scale, nameEn);
        }
    }

    private static final Map<String, Unit> UNITS = new LinkedHashMap<>();

    static {
        add("%", "%", "1", "percent", false, true);
        add("‰", "‰", "1", "per mille", false, true);
        add("元", "CNY", "1", "yuan", true, false);
        add("万元", "CNY", "10000", "10 thousand yuan", true, false);
        add("亿元", "CNY", "100000000", "100 million yuan", true, false);
        add("亿元/平方公里", "CNY/km2", "100000000", "100 million yuan per square kilometre", true, false);
        add("平方米", "m2", "1", "square metres", true, false);
        add("万平方米", "m2", "10000", "10 thousand square metres", true, false);
        add("平方公里", "km2", "1", "square kilometres", true, false);
        add("千米", "km", "1", "kilometres", true, false);
        add("件", "item", "1", "items", true, false);
        add("项", "item", "1", "items", true, false);
        add("栋", "building", "1", "buildings", true, false);
        add("家", "enterprise", "1", "enterprises", true, false);
        add("个", "unit", "1", "units", true, false);
        add("名", "person", "1", "persons", true, false);
        add("人", "person", "1", "persons", true, false);
        add("万人", "person", "10000", "10 thousand persons", true, false);
        add("分贝", "dB(A)", "1", "decibels", true, false);
        add("万吨标准煤", "tce", "10000", "10 thousand tonnes of standard coal equivalent", true, false);
        add("吨标准煤/万元", "tce/CNY", "0.0001", "tonnes of standard coal equivalent per 10 thousand yuan", true, false);
        add("微克/立方米", "ug/m3", "1", "micrograms per cubic metre", true, false);
        add("岁", "year of age", "1", "years of age", true, false);
        add("年", "year", "1", "years", true, false);
        add("张", "bed", "1", "beds", true, false);
        add("户", "household", "1", "households", true, false);
        add("万户", "household", "10000", "10 thousand households", true, false);
        add("场", "event", "1", "events", true, false);
        add("间", "room", "1", "rooms", true, false);
        add("处", "site", "1", "sites", true, false);
        add("/10万", "per 100000", "1", "per 100 thousand people", true, false);
    }

    private UnitCatalog() {
    }

    private static void add(String printed, String normalized, String scale, String nameEn, boolean nonNegative, boolean rate) {
        UNITS.put(printed, new Unit(printed, normalized, new BigDecimal(scale), nameEn, nonNegative, rate));
    }

    public static Optional<Unit> find(String printed) {
        return Optional.ofNullable(printed == null ? null : UNITS.get(printed.trim()));
    }

    /** Whether the unit is a rate (%, ‰): false for levels and for units the catalogue does not know. */
    public static boolean isRate(String printed) {
        return find(printed).map(Unit::rate).orElse(false);
    }

    /** For a unit absent from the catalogue: the error message lists the known ones. */
    public static String knownUnits() {
        return String.join(" ", UNITS.keySet());
    }
}
