package org.msp.portal.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The labels and messages of the partnerships, implementation, financing and open-data pages (SPEC §10,
 * §11): {@code {msg2:key}} in a template, texts in {@code messages/msg2_<language>.properties}. A second
 * bundle because Quarkus 3.34.1 generates a broken resolver for a bundle of more than 300 messages (the
 * portal then fails to start with a VerifyError), and {@link Messages} is near that size.
 */
@MessageBundle(value = "msg2", locale = "en")
public interface FollowThroughMessages {
    String nav_partnerships();

    String partnerships_title();

    String partnerships_lead();

    String partnership_field(String f);

    String partnership_kind_of(String k);

    String disclosure_level_of(String l);

    String milestone_status_of(String s);

    String partnership_action_of(String a);

    String year_label(String y);

    String scorecard_title();

    String scorecard_lead();

    String scorecard_chart_title();

    String scorecard_chart_desc();

    String scorecard_table_caption();

    String total();

    String milestones_met_caption();

    String met_on_time();

    String overdue();

    String share_of(int met, int counted);

    String no_milestone_due();

    String add_partnership();

    String add_milestone();

    String parties_hint();

    String announced_hint();

    String source_hint();

    String met_on_hint();

    String partnership_done_of(String d);

    String partnership_about();

    String not_stated();

    String no_link();

    String registry_column();

    String not_in_registry();

    String milestones_none();

    String evidence_link();

    String linked_projects_none();

    String partnership_chain_intact(int entries);

    String proposed_under();

    String proposed_under_none();

    String name_partnership();

    String name_partnership_hint();

    String partnership_none_option();

    String implementation_link();

    String impl_title(String title);

    String impl_done_of(String d);

    String impl_host_heading(String country);

    String impl_host_objected(String country);

    String impl_host_consented(String country);

    String impl_host_silent(String country);

    String impl_host_effect();

    String impl_host_legend();

    String impl_consent_of(String c);

    String impl_host_reason_hint();

    String impl_host_submit();

    String impl_plan_heading();

    String impl_plan_none();

    String impl_plan_summary(int count, int overdue, int critical);

    String impl_plan_caption();

    String impl_condition();

    String impl_overdue();

    String impl_status_of(String s);

    String impl_verified_by(String country);

    String impl_check_evidence();

    String impl_plan_legend(String code);

    String impl_no_evidence();

    String impl_plan_submit(String code);

    String impl_verify_legend(String code);

    String impl_verify_submit(String code);

    String financing_link();

    String financing_title(String title);

    String financing_heading();

    String financing_unknown();

    String financing_none();

    String financing_caption(String committed, String disbursed);

    String col_committed_usd();

    String col_disbursed_usd();

    String col_disbursed_share();

    String disbursed_share_of(String partner);

    String conditions_heading();

    String condition_status_of(String s);

    String condition_holds();

    String fin_in_usd();

    String fin_rate_of(String date);

    String fin_disbursed();

    String fin_disbursed_of(String disbursed, String remaining);

    String fin_remaining(String remaining);

    String fin_check_document();

    String fin_no_document();

    String fin_recorded();

    String no_disbursements();

    String disbursements_caption();

    String override_heading();

    String override_reason_label();

    String override_needed();

    String override_field_hint();

    String commit_heading(String country);

    String commit_hint();

    String commit_submit();

    String disburse_heading(String country);

    String disburse_hint();

    String disburse_submit();

    String field_hint(String f);

    String financing_done_of(String d);

    String financing_not_prioritised();

    String financing_sign_in();

    String financing_officers_only();

    String financing_choose_commitment();

    String nav_data();

    String data_title();

    String data_lead();

    String data_licence();

    String data_as_of();

    String data_downloads();

    String data_caption();

    String data_file();

    String data_format();

    String data_check();

    String data_policy();

    String data_feeds();

    String data_feed_atom();

    String data_feed_changes();

    String data_archives();

    String data_archives_lead();

    String data_archives_caption();

    String data_archive_day();

    String data_archive_as_of();

    String data_archive_manifest();

    String data_archives_all();

    String data_reviews();

    String data_reviews_lead();

    String data_reviews_unavailable();
}
