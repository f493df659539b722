package org.msp.platform.api;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.msp.platform.DatabaseOutage;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A dependency that is down is not the caller's fault and not a bug: while the database cannot be
 * reached the answer is 503 with {@code Retry-After} and a problem+json saying which part is
 * unavailable, never a 500.
 */
public class DependencyProblems {
    private static final Logger LOG = Logger.getLogger(DependencyProblems.class);

    @ConfigProperty(name = "msp.api.retry-after", defaultValue = "PT5S")
    Duration retryAfter;

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        return answer(e, uri);
    }

    @ServerExceptionMapper
    public Response jdbc(SQLException e, UriInfo uri) {
        return answer(e, uri);
    }

    /**
     * A commit that failed reaches us as the {@code @Transactional} interceptor's checked
     * {@code RollbackException}, wrapped by ArC: e.g. the database went away before the commit, or the
     * transaction timed out while the database hung. It was a bare 500 from Quarkus's error handler.
     */
    @ServerExceptionMapper
    public Response commit(ArcUndeclaredThrowableException e, UriInfo uri) {
        return answer(e, uri);
    }

    private Response answer(Exception e, UriInfo uri) {
        if (DatabaseOutage.isOutage(e)) {
            LOG.warnf("%s: the database is unavailable (%s)", uri.getPath(), e.getMessage());
            return serviceUnavailable("the database is unavailable; try again shortly", uri.getPath(), retryAfter);
        }
        // a database error that is not an outage is a bug of ours: say so without leaking SQL
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "%s failed (error id %s)", uri.getPath(), errorId);
        return ProblemMappers.respond(new Problem("https://msp-pipeline.org/problems/500", "Internal Server Error",
                500, "the request failed on our side (error id " + errorId + ")", uri.getPath(), List.of()));
    }

    static Response serviceUnavailable(String detail, String path, Duration retryAfter) {
        return Response.fromResponse(ProblemMappers.respond(new Problem("https://msp-pipeline.org/problems/503",
                        "Service Unavailable", 503, detail, path, List.of())))
                .header("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds()))).build();
    }
}
