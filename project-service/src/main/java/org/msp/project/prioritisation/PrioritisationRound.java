package org.msp.project.prioritisation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A frozen prioritisation round: who ran it, when, the weights and the ranking it produced. */
@Entity
@Table(name = "prioritisation_round")
public class PrioritisationRound extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "run_at")
    public OffsetDateTime runAt;
    @Column(name = "run_by")
    public String runBy;
    public String weights;
    public String ranking;

    static void save(PrioritisationService.Round round, ObjectMapper mapper) {
        PrioritisationRound entity = new PrioritisationRound();
        entity.id = round.id();
        entity.runAt = round.runAt();
        entity.runBy = round.runBy();
        try {
            entity.weights = mapper.writeValueAsString(round.weights());
            entity.ranking = mapper.writeValueAsString(round.ranking());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entity.persist();
    }
}
