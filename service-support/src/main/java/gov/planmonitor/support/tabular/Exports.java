package gov.planmonitor.support.tabular;

import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * Who may export. An export reads whole tables, so it needs a bearer token (any role) unless
 * {@code planmonitor.security.exports-public=true} (EXPORTS_PUBLIC) opens it to anyone, as the other reads of
 * published data are; without a token it is a 401 Problem before anything is read.
 */
@ApplicationScoped
public class Exports {

    private final boolean open;
    private final Caller caller;

    public Exports(@ConfigProperty(name = "planmonitor.security.exports-public", defaultValue = "false") boolean open, Caller caller) {
        this.open = open;
        this.caller = caller;
    }

    /** Refuses a caller without a token unless exports are public. */
    public void check() {
        if (!open && caller.anonymous()) {
            throw new ServiceException.Unauthenticated("an export needs a bearer token (any role); this service does not make exports public");
        }
    }

    /** The export response of {@link Transfers#export}, for a caller who may have it. */
    public Response export(String format, String entity, String scope, Map<String, Tabular.Columns> schema, Transfers.Source source) {
        check();
        return Transfers.export(format, entity, scope, schema, source);
    }
}
