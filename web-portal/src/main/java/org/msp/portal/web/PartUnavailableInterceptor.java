package org.msp.portal.web;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

/** Turns "could not connect" and a 503 from a service into {@link PartUnavailable} naming that service. */
@PartOfPlatform
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class PartUnavailableInterceptor {

    @AroundInvoke
    Object call(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (ProcessingException e) {
            throw new PartUnavailable(partOf(context), e);
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 503) {
                throw new PartUnavailable(partOf(context), e);
            }
            throw e;
        }
    }

    private static String partOf(InvocationContext context) {
        PartOfPlatform part = context.getMethod().getDeclaringClass().getAnnotation(PartOfPlatform.class);
        return part == null ? "a service" : part.value();
    }
}
