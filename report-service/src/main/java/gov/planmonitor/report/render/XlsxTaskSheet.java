package gov.planmonitor.report.render;

import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.report.mapping.ReportContentDto.CodeNameDto;
import gov.planmonitor.report.mapping.TaskContentDto.AreaDto;
import gov.planmonitor.report.mapping.TaskContentDto.SubAreaDto;
import gov.planmonitor.report.mapping.TaskContentDto.TaskGroupDto;
import gov.planmonitor.report.mapping.TaskContentDto.TaskRowDto;
import gov.planmonitor.report.render.XlsxRenderer.Column;
import gov.planmonitor.report.render.XlsxRenderer.Styles;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plan's tasks as one sheet of the workbook, a row per task: the key work by area (ANNUAL_EXECUTION), the
 * department's tasks with its role (DEPARTMENT_SCORECARD), the late and lagging tasks by lead unit (OVERSIGHT). The
 * first column groups the rows (the area, or the lead unit) so the sheet filters by it; progress and days overdue are numbers.
 */
final class XlsxTaskSheet {

    private final Wording zh;
    private final Wording en;

    XlsxTaskSheet(Wording zh, Wording en) {
        this.zh = zh;
        this.en = en;
    }

    private record Grouped(String group, TaskRowDto task) {
    }

    void write(XSSFWorkbook wb, Styles s, ReportContentDto r) {
        List<Grouped> rows = new ArrayList<>();
        String sheetZh;
        String sheetEn;
        boolean byLead = r.oversight() != null;
        if (byLead) {
            for (TaskGroupDto g : list(r.oversight().groups())) {
                String lead = g.lead() == null ? zh.unassigned() : name(g.lead());
                list(g.tasks()).forEach(t -> rows.add(new Grouped(lead, t)));
            }
            sheetZh = zh.oversightSheet();
            sheetEn = en.oversightSheet();
        } else if (r.keyWork() != null) {
            list(r.keyWork().tasks()).forEach(t -> rows.add(new Grouped(null, t)));
            for (AreaDto area : list(r.keyWork().areas())) {
                for (SubAreaDto sub : list(area.subAreas())) {
                    list(sub.tasks()).forEach(t -> rows.add(new Grouped(area.textZh(), t)));
                }
            }
            sheetZh = zh.taskSheet();
            sheetEn = en.taskSheet();
        } else {
            return;
        }
        XSSFSheet sheet = wb.createSheet(sheetZh + " " + sheetEn);
        List<Column> header = List.of(col(byLead ? zh.colLead() : zh.colArea(), byLead ? en.colLead() : en.colArea(), 24),
                col(zh.colCode(), en.colCode(), 16), col(zh.colTask(), en.colTask(), 48), new Column(en.inEnglish(en.colTask()), 48),
                col(zh.colStatus(), en.colStatus(), 12), col(zh.colStatusCode(), en.colStatusCode(), 14), col(zh.colLead(), en.colLead(), 22),
                col(zh.colSupporting(), en.colSupporting(), 22), col(zh.colRole(), en.colRole(), 10), col(zh.colDeadline(), en.colDeadline(), 12),
                col(zh.colProgressPercent(), en.colProgressPercent(), 10), col(zh.colDaysOverdue(), en.colDaysOverdue(), 10),
                col(zh.colCommitments(), en.colCommitments(), 48));
        XlsxRenderer.header(sheet, s, header);
        int n = 1;
        for (Grouped g : rows) {
            TaskRowDto t = g.task();
            Row row = sheet.createRow(n++);
            String status = Fields.text(t.status());
            String role = Fields.text(t.role());
            XlsxRenderer.text(s, row, 0, g.group(), s.text);
            XlsxRenderer.text(s, row, 1, t.code(), s.text);
            XlsxRenderer.text(s, row, 2, t.textZh(), s.text);
            XlsxRenderer.text(s, row, 3, t.textEn(), s.text);
            XlsxRenderer.text(s, row, 4, status == null ? null : zh.taskStatus(status), s.text);
            XlsxRenderer.text(s, row, 5, status, s.text);
            XlsxRenderer.text(s, row, 6, units(t.lead(), zh.unassigned()), s.text);
            XlsxRenderer.text(s, row, 7, units(t.supporting(), null), s.text);
            XlsxRenderer.text(s, row, 8, role == null ? null : zh.role(role), s.text);
            XlsxRenderer.text(s, row, 9, t.deadline(), s.text);
            XlsxRenderer.number(row, 10, t.progress() == null ? null : BigDecimal.valueOf(t.progress()), s.integer);
            XlsxRenderer.number(row, 11, BigDecimal.valueOf(t.daysOverdue()), s.integer);
            XlsxRenderer.text(s, row, 12, list(t.commitments()).stream()
                    .map(c -> zh.commitment(Fields.text(c.nameZh(), c.code()), Fields.text(c.target(), "—"),
                            Fields.plain(c.value()) == null ? "—" : Fields.plain(c.value()) + Fields.text(c.unit(), ""),
                            Fields.text(c.verdictZh(), Fields.text(c.verdict(), "—"))))
                    .collect(Collectors.joining("\n")), s.text);
        }
        XlsxRenderer.finish(sheet, header.size(), n);
    }

    private static Column col(String zh, String en, int width) {
        return new Column(zh + " " + en, width);
    }

    private static String units(List<CodeNameDto> units, String none) {
        return list(units).isEmpty() ? none : list(units).stream().map(XlsxTaskSheet::name).collect(Collectors.joining("、"));
    }

    private static String name(CodeNameDto c) {
        return Fields.text(c.nameZh(), Fields.text(c.code(), ""));
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
