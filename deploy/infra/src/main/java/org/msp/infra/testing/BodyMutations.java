package org.msp.infra.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random damage to a valid request body for hostile-input tests: one to three characters
 * deleted, duplicated or replaced by a character that breaks JSON structure or types. The same seed
 * gives the same bodies, so a failure reproduces.
 */
public final class BodyMutations {
    /** Characters that break JSON structure or types when dropped into a valid body. */
    private static final String NOISE = "{}[]\":,0123456789aZ\\";

    private BodyMutations() {
    }

    public static List<String> of(String valid, long seed, int count) {
        return of(valid, seed, count, NOISE);
    }

    /** As {@link #of(String, long, int)} with the replacement characters given. */
    public static List<String> of(String valid, long seed, int count, String noise) {
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder(valid);
            for (int edit = 1 + random.nextInt(3); edit > 0 && !body.isEmpty(); edit--) {
                int at = random.nextInt(body.length());
                switch (random.nextInt(3)) {
                    case 0 -> body.deleteCharAt(at);
                    case 1 -> body.insert(at, body.charAt(random.nextInt(body.length())));
                    default -> body.setCharAt(at, noise.charAt(random.nextInt(noise.length())));
                }
            }
            bodies.add(body.toString());
        }
        return bodies;
    }
}
