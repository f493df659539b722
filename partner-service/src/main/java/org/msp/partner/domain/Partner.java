package org.msp.partner.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A country (or the EU) in the partner registry, identified by its ISO 3166-1 alpha-2 code. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public PartnerKind kind;
    @Column(name = "joined_on")
    public LocalDate joinedOn;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public static Partner register(String code, String name, PartnerKind kind, LocalDate joinedOn, String actor,
            OffsetDateTime now) {
        Partner partner = new Partner();
        partner.code = code;
        partner.name = name;
        partner.kind = kind;
        partner.joinedOn = joinedOn;
        partner.createdBy = actor;
        partner.createdAt = now;
        return partner;
    }
}
