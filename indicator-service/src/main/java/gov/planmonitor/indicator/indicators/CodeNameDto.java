package gov.planmonitor.indicator.indicators;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CodeName", description = "A coded item with its Chinese and English names.")
public record CodeNameDto(
        @Schema(examples = "ECONOMY") String code,
        @Schema(examples = "经济发展") String nameZh,
        @Schema(examples = "Economic development") String nameEn) {
}
