package gov.planmonitor.support.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The list envelope every collection returns. */
@Schema(description = "One page of a list: the items, the total number of matches, the 0-based page and its size.")
public record PageDto<T>(List<T> items, long total, int page, int size) {
}
