package org.msp.esg.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One requirement of a checklist: what to check, how much it weighs and whether failing it is a deal-breaker. */
@Entity
@Table(name = "checklist_item")
public class ChecklistItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "template_id")
    public ChecklistTemplate template;

    public int position;
    public String code;
    public String title;
    public String guidance;
    /** The public framework (and edition) the item comes from, e.g. IFC Performance Standard 2 (2012). */
    public String framework;
    public int weight;
    /** A DOES_NOT_MEET on a critical item rejects the project whatever the score. */
    public boolean critical;

    public static ChecklistItem of(String code, String title, String guidance, String framework, int weight,
            boolean critical) {
        ChecklistItem item = new ChecklistItem();
        item.code = code;
        item.title = title;
        item.guidance = guidance;
        item.framework = framework;
        item.weight = weight;
        item.critical = critical;
        return item;
    }
}
