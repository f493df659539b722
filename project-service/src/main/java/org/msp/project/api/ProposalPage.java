package org.msp.project.api;

import java.util.List;

/** One page of a project listing. */
public record ProposalPage(List<ProposalView> items, int page, int size, long total) {
}
