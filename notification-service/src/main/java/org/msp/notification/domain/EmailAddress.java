package org.msp.notification.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A single mailbox an e-mail subscription may be sent to: {@code local@domain}, nothing more. Display
 * names, several recipients, quoted local parts, IP literals and line breaks are refused, so a target can
 * never smuggle a second recipient or a header into a mail.
 */
public record EmailAddress(String value) {
    // RFC 5322 dot-atom, ASCII only (no SMTPUTF8)
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    /** Thrown with a message a subscriber can act on. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    /** The address with its domain in lower case (and IDN in ASCII); the local part is kept as given. */
    public static EmailAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Refused("an e-mail address is required");
        }
        String address = text.strip();
        if (address.length() > 254) {
            throw new Refused("an e-mail address has at most 254 characters");
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.indexOf('@') != at) {
            throw new Refused("must be one e-mail address of the form name@example.org");
        }
        String local = address.substring(0, at);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            throw new Refused("the part before @ is not a valid mailbox name: " + local);
        }
        String domain;
        try {
            domain = IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new Refused("the part after @ is not a domain name");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > 253) {
            throw new Refused("the part after @ must be a domain name such as example.org");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new Refused("the part after @ is not a domain name: " + domain);
            }
        }
        if (!TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            throw new Refused("the part after @ must end in a top-level domain such as .org");
        }
        return new EmailAddress(local + "@" + domain);
    }

    @Override
    public String toString() {
        return value;
    }
}
