package gov.planmonitor.support.paging;

/** A representation with the version it was read at, which the API sends as its ETag. */
public record Versioned<T>(T body, long version) {
}
