package org.msp.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed AsyncAPI documents (platform-events/asyncapi) are the ones the records give: adding,
 * removing or re-limiting a field without regenerating the document fails here. The build then
 * validates them with the AsyncAPI parser (src/test/asyncapi/validate.mjs).
 */
class AsyncApiDocumentsTest {
    private static final Path DIRECTORY = Path.of("asyncapi");

    @ParameterizedTest
    @EnumSource(Topic.class)
    void theCommittedDocumentIsTheOneTheRecordsGive(Topic topic) throws IOException {
        Path file = DIRECTORY.resolve(AsyncApiDocuments.fileName(topic));
        String generated = AsyncApiDocuments.yaml(topic);
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.createDirectories(DIRECTORY);
            Files.writeString(file, generated);
        }
        assertTrue(Files.exists(file), file + " is missing: run ./mvnw -pl platform-events test -Dasyncapi.write=true");
        assertEquals(generated, Files.readString(file), file + " does not say what the event records say: "
                + "run ./mvnw -pl platform-events test -Dasyncapi.write=true and commit the result");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsInItsTopicsDocument(EventType type) {
        String document = AsyncApiDocuments.yaml(type.topic());
        assertTrue(document.contains("name: " + type.type()), type + " missing from " + type.topic());
        for (var component : type.dataClass().getRecordComponents()) {
            assertTrue(document.contains("      " + component.getName() + ":"), component + " missing");
        }
    }
}
