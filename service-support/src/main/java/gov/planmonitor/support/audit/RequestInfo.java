package gov.planmonitor.support.audit;

import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;

/** What the audit trail needs to know about the current request: its id and the contract operation it calls. */
@RequestScoped
public class RequestInfo {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private String requestId;
    private String operationId;
    private String method;
    private String path;

    void set(String requestId, String operationId, String method, String path) {
        this.requestId = requestId;
        this.operationId = operationId;
        this.method = method;
        this.path = path;
    }

    public String requestId() {
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
        }
        return requestId;
    }

    public String operationId() {
        return operationId == null ? "unknown" : operationId;
    }

    public String method() {
        return method == null ? "" : method;
    }

    public String path() {
        return path == null ? "" : path;
    }
}
