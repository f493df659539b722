package org.msp.portal.pages;

import org.msp.portal.services.PartnersApi;
import org.msp.portal.services.ProjectsApi;
import org.msp.portal.web.ServiceProblem;

import java.util.List;
import java.util.Map;

/**
 * Everything the {@code financing} include shows: the project, its financing (null while partner-service
 * has not heard of the project), what the visitor may record, and a refused form with what was typed
 * ({@code form} names which: {@code commit} or {@code disburse}). Another page shows the section with
 * {@code {#include financing section=... /}} and the data of {@link FinancingPages#section}.
 */
public record FinancingSection(ProjectsApi.Project project, PartnersApi.Financing financing, boolean mayCommit,
        boolean mayDisburse, List<PartnersApi.Commitment> own, ServiceProblem problem, String form,
        Map<String, String> typed, List<String> tickedConditions, List<String> instruments, String done) {
    static final String COMMIT = "commit";
    static final String DISBURSE = "disburse";

    /** What the visitor typed in a field of the refused form, or "" (the forms start empty). */
    public String typed(String which, String field) {
        return which.equals(form) && typed.containsKey(field) ? typed.get(field) : "";
    }

    /** Whether the refused {@code which} form's problem names {@code field}. */
    public boolean refused(String which, String field) {
        return which.equals(form) && problem != null && problem.has(field);
    }

    public String about(String field) {
        return problem == null ? null : problem.about(field);
    }

    /** The conditions ticked in the refused disbursement form. */
    public boolean ticked(String code) {
        return DISBURSE.equals(form) && tickedConditions.contains(code);
    }

    /** The override field shows when a condition holds disbursements back, or when the service asked for it. */
    public boolean asksOverride() {
        return financing.anyHold() || refused(DISBURSE, "overrideReason");
    }
}
