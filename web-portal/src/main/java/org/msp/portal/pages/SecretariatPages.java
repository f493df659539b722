package org.msp.portal.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.msp.portal.services.PartnersApi;
import org.msp.portal.services.ProjectsApi;
import org.msp.portal.web.ServiceProblem;
import org.msp.portal.web.Visitor;

import java.util.LinkedHashMap;
import java.util.Map;

/** The secretariat's tasks: the partner registry, and a prioritisation round after "check before you run". */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Visitor.SECRETARIAT)
public class SecretariatPages {
    @Inject
    @RestClient
    ProjectsApi projects;
    @Inject
    @RestClient
    PartnersApi partners;
    @Inject
    Pages pages;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance runRound(ProjectsApi.Ranking preview, ServiceProblem problem);
    }

    @POST
    @Path("partners")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addPartner(MultivaluedMap<String, String> form) {
        Map<String, String> partner = new LinkedHashMap<>();
        for (String field : new String[] {"code", "name", "kind", "joinedOn"}) {
            String value = PublicPages.blank(form.getFirst(field));
            partner.put(field, field.equals("code") && value != null ? value.toUpperCase() : value);
        }
        try {
            partners.add(new LinkedHashMap<>(partner));
            return Pages.seeOther("/partners?done=added");
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw e;
            }
            return pages.withStatus(e.getResponse().getStatus(), PublicPages.Templates.partners(partners.partners(),
                    ServiceProblem.of(e), partner, null));
        }
    }

    /** What the round would freeze, shown before the secretariat commits to it. */
    @GET
    @Path("ranking/round")
    public TemplateInstance preview() {
        return pages.localised(Templates.runRound(projects.ranking(), null));
    }

    @POST
    @Path("ranking/round")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run(MultivaluedMap<String, String> form) {
        try {
            ProjectsApi.Round round = projects.runRound();
            return Pages.seeOther("/ranking/rounds/" + round.id());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw e;
            }
            return pages.withStatus(e.getResponse().getStatus(), Templates.runRound(projects.ranking(),
                    ServiceProblem.of(e)));
        }
    }
}
