package gov.planmonitor.indicator.tasks;

import gov.planmonitor.support.problem.ServiceException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 完成时限 as division tables write it: 2018-12-31, 2018/12/31, 2018年12月31日, 2018年12月底 or 2018年12月 (the month's last
 * day), 2018年底 or 2018年 (31 December), or a spreadsheet's date serial (days since 1899-12-30).
 */
final class Deadlines {

    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern DAY = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})年(\\d{1,2})月(底|末)?");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})年(底|末)?");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.0+)?");

    private Deadlines() {
    }

    /** The date a cell names, or null for a blank one (the plan's end applies). */
    static LocalDate read(String cell, String column) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String text = cell.trim().replace(" ", "");
        try {
            Matcher m;
            if ((m = ISO.matcher(text)).matches() || (m = DAY.matcher(text)).matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if ((m = MONTH.matcher(text)).matches()) {
                return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).atEndOfMonth();
            }
            if ((m = YEAR.matcher(text)).matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), 12, 31);
            }
            if (SERIAL.matcher(text).matches()) {
                return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(text.replaceAll("\\..*", "")));
            }
        } catch (DateTimeException e) {
            throw new ServiceException.Invalid(column, "'" + cell + "' is not a date: " + e.getMessage());
        }
        throw new ServiceException.Invalid(column, "'" + cell + "' is not a deadline: write 2018-12-31, 2018年12月31日, 2018年12月底 or 2018年底");
    }
}
