package org.msp.portal.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.msp.portal.web.PartUnavailable;

/**
 * What a visitor sees when a page cannot be shown: which part of the platform is unavailable (503 with
 * Retry-After), a page that does not exist, an action the visitor may not take; never a stack trace.
 */
public class ErrorPages {
    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    Pages pages;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String part);
    }

    @ServerExceptionMapper
    Response unavailable(PartUnavailable e) {
        LOG.warnf("%s: %s", e.getMessage(), e.getCause() == null ? "" : e.getCause().toString());
        return Response.fromResponse(pages.withStatus(503, Templates.error(503, e.part())))
                .header("Retry-After", "10").build();
    }

    @ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return pages.withStatus(404, Templates.error(404, null));
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return pages.withStatus(403, Templates.error(403, null));
    }

    /** A service refused in a way no page handles itself (e.g. 403 for another partner's draft). */
    @ServerExceptionMapper
    Response refused(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "a service failed");
            return pages.withStatus(502, Templates.error(502, null));
        }
        LOG.debugf("a service refused: %s", e.getMessage());
        return pages.withStatus(status, Templates.error(status, null));
    }
}
