package gov.planmonitor.indicator.indicators;


import gov.planmonitor.indicator.categories.Category;
import gov.planmonitor.indicator.departments.Department;
import gov.planmonitor.indicator.observations.Observation;
import gov.planmonitor.indicator.plans.Plan;
import gov.planmonitor.indicator.targets.Target;
import jakarta.enterprise.context.ApplicationScoped;

import gov.planmonitor.support.persistence.JsonColumns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import gov.planmonitor.indicator.categories.CategoryDto;
import gov.planmonitor.indicator.departments.DepartmentDto;
import gov.planmonitor.indicator.departments.DepartmentRoleDto;
import gov.planmonitor.indicator.observations.ObservationDto;
import gov.planmonitor.indicator.plans.PlanDto;
import gov.planmonitor.indicator.targets.TargetDto;
import gov.planmonitor.indicator.units.UnitDto;

/** Entities to API records; the only place that knows both shapes. */
@ApplicationScoped
public class IndicatorMapper {

    /** A category as an indicator names it. */
    public CodeNameDto toDto(Category category) {
        return new CodeNameDto(category.code, category.nameZh, category.nameEnOrZh());
    }

    /** A category as its own resource (with its place), not as an indicator names it. */
    public CategoryDto toCategoryDto(Category category) {
        return new CategoryDto(category.code, category.nameZh, category.nameEnOrZh(), category.sortOrder);
    }

    public DepartmentDto toDto(Department department) {
        return new DepartmentDto(department.code, department.nameZh, department.nameEn);
    }

    public PlanDto toDto(Plan plan, long indicatorCount) {
        return new PlanDto(plan.code, plan.kind.name(), plan.startYear, plan.endYear, plan.titleZh, plan.titleEn,
                plan.parent == null ? null : plan.parent.code, indicatorCount);
    }

    public TargetDto toDto(Target target) {
        if (target == null) {
            return null;
        }
        return new TargetDto(target.kind.name(), target.text, target.measure.name(), strip(target.value), strip(target.valueHigh),
                strip(target.stretchValue), target.baseYear, target.everyYear ? Boolean.TRUE : null, strip(target.tolerance),
                target.textUnit, target.referenceIndicator == null ? null : target.referenceIndicator.code,
                target.effectiveFrom, target.reason);
    }

    public List<DepartmentRoleDto> departments(Indicator indicator) {
        return indicator.departments.stream()
                .map(d -> new DepartmentRoleDto(d.department.code, d.department.nameZh, d.department.nameEn, d.role.name()))
                .toList();
    }

    public IndicatorDto toDto(Indicator indicator, Target inForce, List<String> linked, UnitDto unit) {
        Target original = indicator.targets.isEmpty() ? null : indicator.targets.get(0);
        return new IndicatorDto(indicator.code, indicator.plan.code, indicator.seq, indicator.nameZh, indicator.nameEnOrZh(),
                toDto(indicator.category), unit,
                indicator.attribute == null ? null : indicator.attribute.name(), indicator.direction.name(), indicator.measures.name(),
                departments(indicator), toDto(inForce), original == null || original == inForce ? null : toDto(original),
                indicator.series, linked, indicator.footnoteZh, indicator.footnoteEn);
    }

    /** An indicator of a page read in one statement (IndicatorPageQuery), with its target in force on {@code today}. */
    public IndicatorDto toDto(IndicatorPageQuery.Row row, LocalDate today) {
        List<DepartmentRoleDto> departments = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode d : JsonColumns.parse(row.departmentsJson())) {
            departments.add(new DepartmentRoleDto(d.get(0).asText(), d.get(1).asText(), d.get(2).asText(), d.get(3).asText()));
        }
        List<TargetDto> targets = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode t : JsonColumns.parse(row.targetsJson())) {
            targets.add(new TargetDto(t.get(0).asText(), text(t.get(1)), t.get(2).asText(), number(t.get(3)), number(t.get(9)), number(t.get(10)),
                    t.get(12).isNull() ? null : t.get(12).asInt(), t.get(11).asBoolean() ? Boolean.TRUE : null, number(t.get(4)), text(t.get(5)), text(t.get(6)), LocalDate.parse(t.get(7).asText()), text(t.get(8))));
        }
        TargetDto inForce = IndicatorService.inForce(targets, TargetDto::effectiveFrom, today);
        TargetDto original = targets.isEmpty() ? null : targets.get(0);
        List<String> linked = new java.util.ArrayList<>();
        JsonColumns.parse(row.linkedJson()).forEach(code -> linked.add(code.asText()));
        return new IndicatorDto(row.code(), row.plan(), row.seq(), row.nameZh(), row.nameEn() != null ? row.nameEn() : row.nameZh(),
                new CodeNameDto(row.categoryCode(), row.categoryZh(), row.categoryEn() != null ? row.categoryEn() : row.categoryZh()), unit(row), row.attribute(), row.direction(), row.measures(),
                departments, inForce, original == null || original == inForce ? null : original, row.series(), linked, row.footnoteZh(), row.footnoteEn());
    }

    /** The unit joined to the row; as printed where the catalogue no longer knows it. */
    private static UnitDto unit(IndicatorPageQuery.Row row) {
        com.fasterxml.jackson.databind.JsonNode u = JsonColumns.parse(row.unitJson());
        if (u == null || u.isNull() || u.isEmpty()) {
            return new UnitDto(row.unit(), row.unit(), BigDecimal.ONE, null, null, null, false, false, 0);
        }
        return new UnitDto(row.unit(), u.get(1).asText(), number(u.get(2)), text(u.get(4)), u.get(0).asText(), text(u.get(3)),
                u.get(5).asBoolean(), u.get(6).asBoolean(), u.get(7).asInt());
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static BigDecimal number(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null || node.isNull() ? null : strip(node.decimalValue());
    }

    public ObservationDto toDto(Observation o) {
        return new ObservationDto(o.indicator.code, o.year, o.periodStart, strip(o.value), strip(o.growthRate),
                o.priceBasis == null ? null : o.priceBasis.name(), o.status.name(), o.qualitativeZh, o.qualitativeEn,
                o.comparable, o.source, o.note, o.completed, o.evidence, o.revision, o.recordedAt, o.recordedBy, o.supersededAt, o.supersededBy);
    }

    /** Numbers leave the service as written (5.70 stays 5.70 in the source; NUMERIC padding like 5.700000 does not). */
    public static BigDecimal strip(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
