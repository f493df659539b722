package org.msp.notification.api;

import org.msp.platform.api.ProblemException;

/**
 * The cursor clients page the public history with: opaque to them, a timeline position here (the
 * position of the last entry they have; "0" or none: before the first one).
 */
public final class Cursor {
    private Cursor() {
    }

    public static String of(long position) {
        return Long.toString(position);
    }

    /** The position {@code cursor} names; a cursor this service did not give is a 400 naming {@code field}. */
    public static long parse(String field, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        if (cursor.length() > 18 || !cursor.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.badRequest(field, "must be a cursor given by this service");
        }
        return Long.parseLong(cursor);
    }

    static long position(String cursor) {
        return Long.parseLong(cursor);
    }
}
