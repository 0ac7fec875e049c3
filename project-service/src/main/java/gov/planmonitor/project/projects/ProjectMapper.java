package gov.planmonitor.project.projects;


import gov.planmonitor.support.time.BureauClock;
import gov.planmonitor.project.reference.Category;
import gov.planmonitor.project.progress.Investment;
import gov.planmonitor.project.lists.ListMember;
import gov.planmonitor.project.progress.Milestone;
import gov.planmonitor.project.progress.ProgressUpdate;
import gov.planmonitor.project.lists.ProjectList;
import gov.planmonitor.project.reference.Zone;
import jakarta.enterprise.context.ApplicationScoped;

import gov.planmonitor.support.persistence.JsonColumns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import gov.planmonitor.project.lists.MembershipDto;
import gov.planmonitor.project.lists.ProjectListDto;
import gov.planmonitor.project.progress.InvestmentDto;
import gov.planmonitor.project.progress.MilestoneDto;
import gov.planmonitor.project.progress.ProgressUpdateDto;
import gov.planmonitor.project.reference.CategoryDto;
import gov.planmonitor.project.reference.ZoneDto;

/** Entities to API records; the only place that knows both shapes. */
@ApplicationScoped
public class ProjectMapper {

    private final BureauClock clock;

    public ProjectMapper(BureauClock clock) {
        this.clock = clock;
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public CodeNameDto toDto(Category c) {
        return new CodeNameDto(c.code, c.nameZh, c.nameEn);
    }

    public CodeNameDto toDto(Zone z) {
        return z == null ? null : new CodeNameDto(z.code, z.nameZh, z.nameEn);
    }

    /** A category as its own resource (with its place), not as a project names it. */
    public CategoryDto toCategoryDto(Category c) {
        return new CategoryDto(c.code, c.nameZh, c.nameEn, c.seq);
    }

    /** A zone as its own resource (with its kind and place), not as a project names it. */
    public ZoneDto toZoneDto(Zone z) {
        return new ZoneDto(z.code, z.nameZh, z.nameEn, z.kind, z.seq);
    }

    public ProjectListDto toDto(ProjectList l) {
        return new ProjectListDto(l.code, l.nameZh, l.nameEn, l.year, l.planCode, l.members.size(),
                new ProjectListDto.ReportedDto(l.reportedProjectCount, MoneyDto.of(l.reportedCompletedInvestment),
                        MoneyDto.strip(l.reportedPlannedInvestmentShare), l.reportedNote));
    }

    /** @param listCode the list whose sequence number to show, or null for the first list */
    public ProjectDto toDto(Project p, String listCode, List<Investment> investments, List<Milestone> milestones) {
        List<ListMember> memberships = new ArrayList<>(p.memberships);
        memberships.sort(Comparator.comparing(m -> m.list.code));
        Integer seq = memberships.stream().filter(m -> listCode == null || m.list.code.equals(listCode))
                .map(m -> m.seq).findFirst().orElse(null);
        BigDecimal planned = sum(investments.stream().map(i -> i.planned).toList());
        BigDecimal completed = sum(investments.stream().map(i -> i.completed).toList());
        LocalDate today = clock.today();
        int overdue = (int) milestones.stream().filter(m -> m.overdue(today)).count();
        LocationDto location = p.address == null && p.latitude == null ? null : new LocationDto(p.address, p.latitude, p.longitude);
        return new ProjectDto(p.code, seq, p.nameZh, p.nameEn, toDto(p.category), p.tasksZh, p.tasksEn, p.status.name(), toDto(p.zone),
                p.investmentType == null ? null : p.investmentType.name(),
                p.departments.stream().map(d -> new DepartmentRoleDto(d.code(), d.role.name())).toList(),
                location, p.indicators.stream().sorted().toList(),
                memberships.stream().map(m -> new MembershipDto(m.list.code, m.seq)).toList(),
                MoneyDto.of(p.totalPlannedInvestment), MoneyDto.of(planned), MoneyDto.of(completed),
                MoneyDto.strip(p.progressPercent), overdue, p.note);
    }

    /** A project read in one statement (ProjectQuery), as {@link #toDto(Project, String, List, List)} shows it with no list. */
    public ProjectDto toDto(ProjectQuery.Row r) {
        List<com.fasterxml.jackson.databind.JsonNode> lists = new ArrayList<>();
        JsonColumns.parse(r.listsJson()).forEach(lists::add); // ordered by list code
        Integer seq = lists.isEmpty() ? null : lists.get(0).get(1).asInt();
        List<BigDecimal> planned = new ArrayList<>();
        List<BigDecimal> completed = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode v : JsonColumns.parse(r.investmentsJson())) {
            planned.add(v.get(0).isNull() ? null : v.get(0).decimalValue());
            completed.add(v.get(1).isNull() ? null : v.get(1).decimalValue());
        }
        LocalDate today = clock.today();
        int overdue = 0;
        for (com.fasterxml.jackson.databind.JsonNode m : JsonColumns.parse(r.milestonesJson())) {
            if (Milestone.overdue(Milestone.State.valueOf(m.get(0).asText()), LocalDate.parse(m.get(1).asText()), today)) {
                overdue++;
            }
        }
        List<DepartmentRoleDto> departments = new ArrayList<>();
        JsonColumns.parse(r.departmentsJson()).forEach(d -> departments.add(new DepartmentRoleDto(d.get(0).asText(), d.get(1).asText())));
        List<String> indicators = new ArrayList<>();
        JsonColumns.parse(r.indicatorsJson()).forEach(i -> indicators.add(i.asText()));
        LocationDto location = r.address() == null && r.latitude() == null ? null : new LocationDto(r.address(), r.latitude(), r.longitude());
        return new ProjectDto(r.code(), seq, r.nameZh(), r.nameEn(), new CodeNameDto(r.categoryCode(), r.categoryZh(), r.categoryEn()),
                r.tasksZh(), r.tasksEn(), r.status(), r.zoneCode() == null ? null : new CodeNameDto(r.zoneCode(), r.zoneZh(), r.zoneEn()),
                r.investmentType(), departments, location, indicators,
                lists.stream().map(l -> new MembershipDto(l.get(0).asText(), l.get(1).asInt())).toList(),
                MoneyDto.of(r.totalPlannedInvestment()), MoneyDto.of(sum(planned)), MoneyDto.of(sum(completed)),
                MoneyDto.strip(r.progressPercent()), overdue, r.note());
    }

    public InvestmentDto toDto(Investment i) {
        List<String> warnings = new ArrayList<>();
        BigDecimal ratio = ratio(i.completed, i.planned);
        if (i.planned != null && i.completed != null && i.completed.compareTo(i.planned) > 0) {
            // Nothing planned but something completed has no ratio (not a division by zero): the warning says so in words.
            warnings.add(ratio == null ? "investment was completed although none was planned for the year"
                    : "completed investment exceeds the planned amount (" + ratio.toPlainString() + "% of plan)");
        }
        return new InvestmentDto(i.year, MoneyDto.of(i.planned), MoneyDto.of(i.completed), ratio, i.note, warnings);
    }

    public MilestoneDto toDto(Milestone m) {
        return new MilestoneDto(m.id, m.nameZh, m.nameEn, m.plannedDate, m.actualDate, m.state.name(), m.overdue(clock.today()));
    }

    public ProgressUpdateDto toDto(ProgressUpdate u) {
        List<String> links = u.links == null ? List.of() : List.of(u.links.split("\n"));
        return new ProgressUpdateDto(u.id, u.updateDate, u.textZh, u.textEn, MoneyDto.strip(u.progressPercent), links, u.author, u.recordedAt);
    }

    public StatusChangeDto toDto(StatusChange c) {
        return new StatusChangeDto(c.fromStatus == null ? null : c.fromStatus.name(), c.toStatus.name(), c.changedOn, c.reason, c.author, c.recordedAt,
                c.cancellationRequestId);
    }

    public CancellationRequestDto toDto(CancellationRequest r) {
        return new CancellationRequestDto(r.id, r.project.code, r.state.name(), r.reason, r.requestedBy, r.requestedAt, r.comment,
                r.decidedBy, r.decidedAt);
    }

    public static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal total = null;
        for (BigDecimal v : values) {
            if (v != null) {
                total = total == null ? v : total.add(v);
            }
        }
        return total;
    }

    /** Completed as a percent of planned, to one decimal as the reports print it (112.5). */
    public static BigDecimal ratio(BigDecimal completed, BigDecimal planned) {
        if (completed == null || planned == null || planned.signum() == 0) {
            return null;
        }
        return MoneyDto.strip(completed.multiply(HUNDRED).divide(planned, 1, RoundingMode.HALF_UP));
    }
}
