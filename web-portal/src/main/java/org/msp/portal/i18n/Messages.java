package org.msp.portal.i18n;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every label and message of the portal, in one place: {@code {msg:key}} in a template, checked at build
 * time. The texts are in {@code messages/msg_<language>.properties}, one file per language the portal
 * speaks (en, fr, pt, es); {@code MessagesTest} fails when a file lacks a key.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {
    String site_name();

    String skip_to_content();

    String nav_language();

    String nav_main();

    String nav_projects();

    String nav_ranking();

    String nav_partners();

    String nav_checklist();

    String nav_methodology();

    String nav_my_projects();

    String nav_new_project();

    String nav_reviews();

    String nav_run_round();

    String language_name(String code);

    String signed_in_as(String name);

    String sign_in();

    String sign_out();

    String footer_open();

    String home_title();

    String home_lead();

    String home_counts();

    String home_latest();

    String home_no_steps();

    String projects_title();

    String filter_text();

    String filter_any();

    String filter_apply();

    String results_count(long total);

    String pages();

    String previous_page();

    String next_page();

    String status_of(String s);

    String mineral_of(String m);

    String stage_of(String s);

    String event_of(String t);

    String field_name(String f);

    String yes_no(boolean b);

    String project_overview();

    String submitted_on();

    String your_actions();

    String edit_draft();

    String submit_project();

    String withdraw_project();

    String done_of(String d);

    String problem_heading();

    String error_prefix();

    String esg_review();

    String review_state(String status, long rated, int total);

    String review_status_of(String s);

    String outcome();

    String outcome_of(String o);

    String esg_score();

    String risk_category();

    String risk_of(String c);

    String conditions();

    String checklist_ratings();

    String item_code();

    String item_title();

    String rating();

    String rating_of(String r);

    String evidence();

    String comment();

    String critical();

    String no_review_yet();

    String support();

    String endorsement_count(int count);

    String interests_caption(String total);

    String partner();

    String instrument_of(String i);

    String support_as(String country);

    String support_not_open();

    String endorse();

    String withdraw_endorsement();

    String express_interest();

    String score_breakdown();

    String rank_and_score(Integer rank, String score);

    String see_round();

    String component();

    String value();

    String weight();

    String points();

    String why();

    String component_of(String c);

    String history();

    String live_steps();

    String when();

    String change();

    String actor();

    String reason();

    String hash();

    String chain_intact(int entries);

    String chain_broken(int seq, String problem);

    String follow();

    String atom_feed();

    String follow_by();

    String channel_email();

    String channel_webhook();

    String follow_button();

    String followed_email(String target);

    String followed_webhook(String target);

    String subscription_secret();

    String subscription_secret_once();

    String back_to_project();

    String ranking_title();

    String ranking_lead(int quorum);

    String ranking_empty();

    String ranked_line(String country, String score);

    String rounds();

    String no_rounds();

    String round_line(String when, String by, int projects);

    String round_title();

    String weights();

    String partners_title();

    String kind_of(String k);

    String add_partner();

    String checklist_title();

    String template_version();

    String show();

    String checklist_summary(int items, int weight);

    String framework();

    String guidance();

    String methodology_lead();

    String what_it_measures();

    String component_explained(String c);

    String quorum_title();

    String quorum_text(int quorum);

    String sources();

    String production_share_source();

    String ties_text();

    String no_projects_yet();

    String updated();

    String hint_date();

    String hint_country();

    String disclosure();

    String save_draft();

    String error_not_a_number();

    String error_choose_file();

    String documents();

    String documents_none();

    String documents_caption();

    String document_type_of(String t);

    String document_size();

    String document_published();

    String document_actions();

    String document_superseded();

    String download();

    String verify_document();

    String publish_document();

    String publish_document_hint();

    String document_language_hint();

    String supersedes_none();

    String document_check_title(String title);

    String document_intact();

    String document_broken();

    String recorded_sha256(int entry);

    String computed_sha256();

    String document_check_yourself();

    String error_changed_meanwhile();

    String withdraw_warning();

    String withdraw_confirm();

    String cancel();

    String no_open_reviews();

    String project();

    String reviewer();

    String progress();

    String action();

    String open_checklist();

    String claim();

    String reviewer_user();

    String reviewer_country();

    String assign();

    String checklist_for(String title);

    String unrated_items(int count);

    String save_ratings();

    String complete_review();

    String review_closed();

    // --- the public consultation (SPEC §9)

    String consultation_link();

    String consult_title(String title);

    String consult_done_of(String d);

    String consult_field(String f);

    String consult_window_heading();

    String consult_state_of(String s);

    String consult_opens();

    String consult_closes();

    String consult_summary();

    String consult_screen_heading();

    String consult_screen_hint();

    String consult_screen_submit();

    String consult_comments(int count);

    String consult_no_comments();

    String consult_comment_by(int number, String name);

    String consult_role_of(String r);

    String consult_on_behalf_of(String org);

    String consult_hidden(String time);

    String consult_hidden_reason(String reason);

    String consult_concerns();

    String consult_whole_project();

    String consult_answer_heading();

    String consult_disposition_of(String d);

    String consult_unanswered();

    String consult_answer_legend(int number);

    String consult_disposition();

    String consult_response();

    String consult_answer_submit(int number);

    String consult_hide_legend(int number);

    String consult_hide_reason();

    String consult_hide_submit(int number);

    String consult_form_heading();

    String consult_public_note();

    String consult_body();

    String consult_language();

    String consult_language_hint();

    String consult_items_label();

    String consult_on_behalf();

    String consult_submit();

    String consult_may_not_comment();

    String consult_sign_in();

    String consult_review_link();

    String category_change_reason();

    String round_check();

    String round_preview();

    String score();

    String run_round_confirm();

    String error_title(int status);

    String error_text(int status);

    String part_unavailable(String part);

    String back_home();

    // financing (SPEC §11)

}
