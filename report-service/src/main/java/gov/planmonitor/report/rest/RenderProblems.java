package gov.planmonitor.report.rest;

import gov.planmonitor.report.render.PdfFontMissing;
import gov.planmonitor.support.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problems of rendering a report's content that are not the caller's fault. */
public class RenderProblems {

    private static final Logger LOG = Logger.getLogger(RenderProblems.class);

    /** 503 without Retry-After: the PDF comes back once the font is installed, not after a wait. */
    @ServerExceptionMapper
    public Response fontMissing(PdfFontMissing e, UriInfo uri) {
        LOG.warn(e.getMessage());
        Problem body = new Problem(Problem.BASE + "pdf-font-missing", "PDF rendering is unavailable", 503, e.getMessage(),
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), null);
        return Response.status(503).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
