package gov.planmonitor.indicator.categories;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Category", description = "An indicator category such as 经济发展, with its place in the printed order.")
public record CategoryDto(
        @Schema(examples = "ECONOMY") String code,
        @Schema(examples = "经济发展") String nameZh,
        @Schema(description = "The English name; nameZh where no translation is given", examples = "Economic development") String nameEn,
        @Schema(description = "Place in the list of categories (ascending, equal places by code)", examples = "1") int sortOrder) {
}
