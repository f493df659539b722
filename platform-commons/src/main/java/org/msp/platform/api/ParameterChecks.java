package org.msp.platform.api;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every path and query parameter of the matched resource method before it runs: a NUL
 * character (which PostgreSQL cannot store and would answer with a 500) or a value that is not of the
 * parameter's type (JAX-RS would answer an anonymous 404 for a malformed UUID or number) is a 400 that
 * names the parameter.
 */
public class ParameterChecks {
    /** A path or query parameter of a resource method: its name, where it comes from, its Java type. */
    private record Checked(String name, boolean inPath, Class<?> type) {
    }

    /** Read once per resource method, not on every request. */
    private final Map<Method, List<Checked>> parameters = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (Checked parameter : parameters.computeIfAbsent(method, ParameterChecks::parametersOf)) {
            check(parameter.name(), parameter.inPath() ? uri.getPathParameters().get(parameter.name())
                    : uri.getQueryParameters().get(parameter.name()), parameter.type());
        }
    }

    private static List<Checked> parametersOf(Method method) {
        List<Checked> checked = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            PathParam path = parameter.getAnnotation(PathParam.class);
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (path != null) {
                checked.add(new Checked(path.value(), true, parameter.getType()));
            } else if (query != null) {
                checked.add(new Checked(query.value(), false, parameter.getType()));
            }
        }
        return List.copyOf(checked);
    }

    private static void check(String name, List<String> values, Class<?> type) {
        if (values == null) {
            return;
        }
        for (String value : values) {
            if (value.indexOf('\u0000') >= 0) {
                throw ProblemException.badRequest(name, "must not contain the NUL character (U+0000)");
            }
            if (type == UUID.class && !isUuid(value)) {
                throw ProblemException.badRequest(name, "must be a UUID, e.g. 0b5c1f4e-3c1d-4f7a-9a57-2d4c8e9b1a10");
            }
            if ((type == int.class || type == Integer.class || type == long.class || type == Long.class)
                    && !value.isEmpty() && !isWholeNumber(value, type)) {
                throw ProblemException.badRequest(name, "must be a whole number");
            }
        }
    }

    private static boolean isUuid(String value) {
        try {
            // UUID.fromString accepts short groups ("1-2-3-4-5"); a real id has the canonical 36 characters
            return value.length() == 36 && UUID.fromString(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isWholeNumber(String value, Class<?> type) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value.strip());
            } else {
                Long.parseLong(value.strip());
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
