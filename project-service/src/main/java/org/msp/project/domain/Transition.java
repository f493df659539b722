package org.msp.project.domain;

/** What can move a project: a command from a user or an event from another service. */
public enum Transition {
    SUBMIT, WITHDRAW, OPEN_REVIEW, CLEAR_REVIEW, REJECT_REVIEW, REACH_QUORUM, LOSE_QUORUM, PRIORITISE, FINANCE
}
