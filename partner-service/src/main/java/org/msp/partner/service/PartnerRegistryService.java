package org.msp.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.msp.partner.domain.Partner;
import org.msp.partner.domain.PartnerKind;
import org.msp.platform.api.ProblemException;

import java.time.LocalDate;

/** The secretariat's changes to the partner registry. */
@ApplicationScoped
public class PartnerRegistryService {

    @Transactional
    public Partner register(String code, String name, PartnerKind kind, LocalDate joinedOn, String actor) {
        if (Partner.findById(code) != null) {
            throw ProblemException.conflict("partner " + code + " is already registered");
        }
        Partner partner = Partner.register(code, name, kind, joinedOn, actor, Clocks.now());
        try {
            partner.persistAndFlush();
        } catch (PersistenceException e) {
            // a concurrent registration of the same code won the race
            throw ProblemException.conflict("partner " + code + " is already registered");
        }
        return partner;
    }
}
