package org.msp.events.project;

/**
 * What a project document is, in the codes of the OC4IDS documentType codelist (which extends
 * OCDS's): the constants are spelled as the codes so that open-data exports carry them unchanged.
 */
public enum DocumentType {
    feasibilityStudy,
    environmentalImpact,
    landAndSettlementImpact,
    projectPlan,
    projectScope,
    contractSigned,
    financialAgreement,
    budgetApproval,
    physicalProgressReport,
    financialProgressReport,
    finalAudit
}
