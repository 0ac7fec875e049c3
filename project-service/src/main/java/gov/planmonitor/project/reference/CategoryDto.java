package gov.planmonitor.project.reference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Category", description = "A project category such as 重大民生工程, with its place in the printed order.")
public record CategoryDto(
        @Schema(examples = "PEOPLES_LIVELIHOOD") String code,
        @Schema(examples = "重大民生工程") String nameZh,
        @Schema(description = "The English name; the Chinese one when none was given", examples = "Major people's livelihood projects") String nameEn,
        @Schema(description = "Place in the list of categories (ascending, equal places by code)", examples = "5") int seq) {
}
