package org.msp.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.validation.Validator;
import org.msp.events.EventCodec;

/**
 * The contract's codec as a bean, built on the service's own ObjectMapper (which also refuses NUL in
 * text, see TextWithoutNul) and Bean Validation.
 */
@ApplicationScoped
public class EventCodecProducer {
    @Produces
    @ApplicationScoped
    EventCodec codec(ObjectMapper mapper, Validator validator) {
        return new EventCodec(mapper, validator);
    }
}
