package org.msp.portal.pages;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.msp.portal.web.Language;

import java.net.URI;

/** What every page does before it is rendered: speak the visitor's language. */
@RequestScoped
public class Pages {
    @Inject
    Language language;

    public java.util.Locale locale() {
        return language.locale();
    }

    public TemplateInstance localised(TemplateInstance page) {
        return page.setLocale(language.locale());
    }

    /** The page answered with another status, e.g. 400 for a form sent back with its errors. */
    public Response withStatus(int status, TemplateInstance page) {
        return Response.status(status).entity(localised(page)).type("text/html;charset=UTF-8").build();
    }

    /** Post/redirect/get: after a command the browser goes to the page that shows its result. */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
