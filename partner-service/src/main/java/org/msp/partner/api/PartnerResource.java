package org.msp.partner.api;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.msp.partner.domain.Partner;
import org.msp.partner.domain.PartnerKind;
import org.msp.partner.service.PartnerRegistryService;
import org.msp.platform.api.ProblemException;
import org.msp.platform.security.Caller;

import java.util.Arrays;
import java.util.List;

/** The partner registry: public reads, additions by the secretariat. */
@Path("/partners")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {
    private final PartnerRegistryService registry;
    private final Caller caller;

    public PartnerResource(PartnerRegistryService registry, Caller caller) {
        this.registry = registry;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Transactional
    public List<PartnerView> list(@QueryParam("kind") String kindName) {
        PartnerKind kind = kindOf(kindName);
        List<Partner> partners = kind == null
                ? Partner.listAll(Sort.by("code"))
                : Partner.list("kind", Sort.by("code"), kind);
        return partners.stream().map(PartnerView::of).toList();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Transactional
    public PartnerView get(@PathParam("code") String code) {
        Partner partner = Partner.findById(code.toUpperCase());
        if (partner == null) {
            throw ProblemException.notFound("partner " + code);
        }
        return PartnerView.of(partner);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.SECRETARIAT)
    public Response register(@NotNull @Valid PartnerRequest request, UriInfo uri) {
        Partner partner = registry.register(request.code(), request.name().strip(), request.kind(), request.joinedOn(),
                caller.subject());
        return Response.created(uri.getAbsolutePathBuilder().path(partner.code).build())
                .entity(PartnerView.of(partner)).build();
    }

    /** Parsed here so that an unknown kind is a 400 naming the parameter, not JAX-RS's bare 404. */
    private static PartnerKind kindOf(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return PartnerKind.valueOf(name.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("kind", "must be one of " + Arrays.toString(PartnerKind.values()));
        }
    }
}
