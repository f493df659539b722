package org.msp.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A standing request to be told about matching pipeline events. Only a hash of its secret is kept
 * for authentication, plus (webhooks only) the secret encrypted under the service key for signing
 * webhook bodies. An e-mail subscription starts PENDING_CONFIRMATION and receives nothing but its
 * confirmation mail until the link in it is followed.
 */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {
    /**
     * PENDING_CONFIRMATION (e-mail only) waits for its link to be followed; ACTIVE receives deliveries;
     * DELETED is kept so its delivery log stays explainable.
     */
    public enum Status { PENDING_CONFIRMATION, ACTIVE, DELETED }

    /** What following a confirmation link did. */
    public enum Confirmation { CONFIRMED, ALREADY_CONFIRMED, WRONG_TOKEN, EXPIRED }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String target;

    @Column(name = "filter_project_ids")
    String projectIdsColumn;
    @Column(name = "filter_countries")
    String countriesColumn;
    @Column(name = "filter_minerals")
    String mineralsColumn;
    @Column(name = "filter_event_types")
    String eventTypesColumn;

    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "secret_ciphertext")
    public String secretCiphertext;

    @Enumerated(EnumType.STRING)
    Status status;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Column(name = "confirmation_token_hash")
    String confirmationTokenHash;

    @Column(name = "confirmation_expires_at")
    public OffsetDateTime confirmationExpiresAt;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    protected Subscription() {
    }

    public Subscription(UUID id, Channel channel, String target, SubscriptionFilter filter, String secretHash,
            String secretCiphertext, String createdBy, OffsetDateTime createdAt) {
        this.id = id;
        this.channel = channel;
        this.target = target;
        this.projectIdsColumn = DelimitedSet.encode(filter.projectIds());
        this.countriesColumn = DelimitedSet.encode(filter.countries());
        this.mineralsColumn = DelimitedSet.encode(filter.minerals());
        this.eventTypesColumn = DelimitedSet.encode(filter.eventTypes());
        this.secretHash = secretHash;
        this.secretCiphertext = secretCiphertext;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        // an address must prove it wants the mail before it gets any; a webhook target is checked by policy
        this.status = channel == Channel.EMAIL ? Status.PENDING_CONFIRMATION : Status.ACTIVE;
    }

    public SubscriptionFilter filter() {
        return new SubscriptionFilter(DelimitedSet.decode(projectIdsColumn), DelimitedSet.decode(countriesColumn),
                DelimitedSet.decode(mineralsColumn), DelimitedSet.decode(eventTypesColumn));
    }

    public Status status() {
        return status;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public boolean isPendingConfirmation() {
        return status == Status.PENDING_CONFIRMATION;
    }

    public boolean isDeleted() {
        return status == Status.DELETED;
    }

    /**
     * A confirmation mail is about to be sent with a new token: only its hash is kept, and it replaces
     * any earlier one (a retried mail carries a fresh link; the last one sent is the one that works).
     */
    public void confirmationIssued(String tokenHash, OffsetDateTime expiresAt) {
        if (!isPendingConfirmation()) {
            throw new IllegalStateException("subscription " + id + " is " + status + ", not PENDING_CONFIRMATION");
        }
        confirmationTokenHash = tokenHash;
        confirmationExpiresAt = expiresAt;
    }

    /** Follows the confirmation link; repeating it with the right token changes nothing. */
    public Confirmation confirm(String presentedTokenHash, OffsetDateTime now) {
        if (confirmationTokenHash == null || presentedTokenHash == null
                || !MessageDigest.isEqual(confirmationTokenHash.getBytes(StandardCharsets.US_ASCII),
                        presentedTokenHash.getBytes(StandardCharsets.US_ASCII))) {
            return Confirmation.WRONG_TOKEN;
        }
        if (isActive()) {
            return Confirmation.ALREADY_CONFIRMED;
        }
        if (!isPendingConfirmation() || !now.isBefore(confirmationExpiresAt)) {
            return Confirmation.EXPIRED;
        }
        status = Status.ACTIVE;
        confirmedAt = now;
        return Confirmation.CONFIRMED;
    }

    public void delete(OffsetDateTime at) {
        status = Status.DELETED;
        deletedAt = at;
    }
}
