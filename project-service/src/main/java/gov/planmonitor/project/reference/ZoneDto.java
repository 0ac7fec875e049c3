package gov.planmonitor.project.reference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Zone", description = "A functional zone of the plan's 一核三带四区 layout: the one core, the belts and the districts.")
public record ZoneDto(
        @Schema(examples = "BEIJING_ROAD_CULTURAL_CORE") String code,
        @Schema(examples = "北京路文化核心区") String nameZh,
        @Schema(description = "The English name; the Chinese one when none was given", examples = "Beijing Road Cultural Core Area") String nameEn,
        @Schema(enumeration = {"CORE", "BELT", "DISTRICT"}, examples = "CORE") String kind,
        @Schema(description = "Place in the list of zones (ascending, equal places by code)", examples = "1") int seq) {
}
