package org.msp.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.msp.portal.i18n.FollowThroughMessages;
import org.msp.portal.i18n.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every label and message exists in every language the portal speaks: a key missing from one file would
 * silently show English there (Qute falls back to the default locale), so this test fails instead. Each
 * translation also keeps the English text's Qute tags and parameters, so no value is lost in translation.
 */
class MessagesTest {
    private static final Pattern TAGS = Pattern.compile("\\{[#/][^}]*}|\\{[a-z][^}]*}");

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "pt", "es"})
    void everyMessageIsTranslatedWithTheSameParameters(String language) throws IOException {
        check(Messages.class, "msg", language);
        check(FollowThroughMessages.class, "msg2", language);
    }

    /**
     * Quarkus 3.34.1 generates a broken resolver for a bundle of more than 300 messages (the portal then
     * fails to start): a bundle that grows past it must be split, as FollowThroughMessages was.
     */
    @Test
    void noBundleOutgrowsWhatQuarkusResolvesCorrectly() {
        assertTrue(Messages.class.getDeclaredMethods().length <= 300, "Messages: " + Messages.class.getDeclaredMethods().length);
        assertTrue(FollowThroughMessages.class.getDeclaredMethods().length <= 300);
    }

    private static void check(Class<?> bundle, String name, String language) throws IOException {
        Set<String> keys = Arrays.stream(bundle.getDeclaredMethods()).map(java.lang.reflect.Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties english = load(name, "en");
        Properties translated = load(name, language);
        assertEquals(keys, new TreeSet<>(translated.stringPropertyNames()), "keys of " + name + "_" + language
                + ".properties");
        for (String key : keys) {
            assertEquals(tags(english.getProperty(key)), tags(translated.getProperty(key)),
                    key + " in " + name + "_" + language + ".properties keeps the English text's tags and parameters");
        }
    }

    private static List<String> tags(String message) {
        List<String> tags = new ArrayList<>();
        Matcher matcher = TAGS.matcher(message);
        while (matcher.find()) {
            tags.add(matcher.group());
        }
        return tags;
    }

    private static Properties load(String name, String language) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages/" + name + "_" + language + ".properties")) {
            assertNotNull(in, "messages/" + name + "_" + language + ".properties exists");
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
