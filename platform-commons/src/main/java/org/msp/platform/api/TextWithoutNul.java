package org.msp.platform.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Refuses the NUL character in any text of a request body. PostgreSQL cannot store it in a text
 * column, so without this check such a body would get as far as the database and fail there (500)
 * instead of being refused as bad input (400, naming the field).
 */
@Singleton
public class TextWithoutNul implements ObjectMapperCustomizer {

    /** Raised for a string holding U+0000; the problem mapper names the field. */
    public static final class NulCharacterException extends MismatchedInputException {
        NulCharacterException(JsonParser parser) {
            super(parser, "the NUL character (U+0000) is not allowed in text", String.class);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("msp-text-without-nul");
        module.addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = StringDeserializer.instance.deserialize(parser, context);
                if (text != null && text.indexOf('\u0000') >= 0) {
                    throw new NulCharacterException(parser);
                }
                return text;
            }
        });
        mapper.registerModule(module);
    }
}
