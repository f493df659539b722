package org.msp.partner.api;

import org.msp.platform.api.ProblemException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;

/** The checks a sum of money in a request needs beyond its annotations: a real currency, its USD value, a date. */
final class MoneyChecks {
    /** The earliest time zone (Kiribati, UTC+14): a date that is today anywhere on Earth is not "in the future". */
    private static final ZoneOffset EARLIEST = ZoneOffset.ofHours(14);

    private MoneyChecks() {
    }

    /**
     * {@code currency} must be an ISO 4217 currency of payment (not a fund, metal or "no currency" code), the
     * amount must not have more decimals than the currency has minor units, and a USD amount is its own USD
     * equivalent. 400 naming the field otherwise.
     */
    static void check(BigDecimal amount, String currency, BigDecimal amountUsd) {
        Currency known;
        try {
            known = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("currency", currency + " is not an ISO 4217 currency code");
        }
        int minorUnits = known.getDefaultFractionDigits();
        if (minorUnits < 0) {
            throw ProblemException.badRequest("currency", currency + " (" + known.getDisplayName(java.util.Locale.ENGLISH)
                    + ") is not a currency of payment");
        }
        if (amount.stripTrailingZeros().scale() > minorUnits) {
            throw ProblemException.badRequest("amount", currency + " has " + (minorUnits == 0 ? "no minor unit"
                    : minorUnits + " decimal places") + "; " + amount.toPlainString() + " has more");
        }
        if ("USD".equals(currency) && amount.compareTo(amountUsd) != 0) {
            throw ProblemException.badRequest("amountUsd", "must equal amount when the currency is USD");
        }
    }

    /** 400 naming {@code field} for a date after today in every time zone. */
    static void notInTheFuture(String field, LocalDate date) {
        if (date.isAfter(LocalDate.now(EARLIEST))) {
            throw ProblemException.badRequest(field, "must not be in the future");
        }
    }
}
